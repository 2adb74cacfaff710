package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Runs one comparison on one kind of database: each contender gets its own freshly loaded
 * database, then the contenders take turns, repetition by repetition, so that a slow spell of the
 * machine hits all of them alike. Run {@code i} of every contender deletes (or restores) root
 * {@code i + 1} (a user, a project); the first runs are warm-ups and are not kept. Before each run
 * the set-up (such as the delete a restore undoes) runs, then, unless the contender runs
 * unanalyzed, the statistics are brought up to date; all of it untimed, like the counts of live
 * rows around the run. A contender whose run took longer than {@code --run-limit} runs no more
 * (if that run was a warm-up, it is kept as its only timed run); one that fails (a statement over
 * {@code --statement-timeout}, say) runs no more either, and the others go on.
 */
final class ComparisonRunner {
  private final DatabaseKind kind;
  private final Options options;
  private final PrintStream log;

  ComparisonRunner(DatabaseKind kind, Options options, PrintStream log) {
    this.kind = kind;
    this.options = options;
    this.log = log;
  }

  List<Result> run(Comparison comparison) {
    List<Lane> lanes = new ArrayList<>();
    try {
      for (Comparison.Row row : comparison.rows()) {
        lanes.add(open(row.contender()));
      }
      int rounds = lanes.stream().mapToInt(Lane::runs).max().orElse(0);
      for (int round = 0; round < rounds; round++) {
        for (Lane lane : lanes) {
          lane.runRound(round);
        }
      }
      return lanes.stream().map(lane -> lane.result(comparison)).toList();
    } finally {
      lanes.forEach(Lane::close);
    }
  }

  private Lane open(Contender contender) {
    log.printf("  loading %s for %s%n", kind, contender.name());
    Fixture fixture = contender.fixture(options);
    int warmups = contender.slow() ? options.slowWarmups() : options.warmups();
    int repetitions = contender.slow() ? options.slowRepetitions() : options.repetitions();
    if (warmups + repetitions > fixture.runs()) {
      throw new IllegalArgumentException(contender.name() + ": " + warmups + " warm-ups and " + repetitions
          + " repetitions need as many roots, but its data has " + fixture.runs());
    }
    Database database = Database.create(kind, options.statementTimeout(), options.explainSlowerThan());
    try {
      Handle handle = database.jdbi().open();
      Dataset data = fixture.load(handle, kind);
      if (!contender.analyzedBeforeEachRun()) {
        data.leaveUnanalyzed();
      }
      StatementLog statements = null;
      if (options.slowestStatements() > 0) {
        statements = new StatementLog();
        database.jdbi().getConfig(SqlStatements.class).setSqlLogger(statements);
      }
      return new Lane(contender, database, handle, data, fixture.rowsPerRun(), contender.open(database), warmups,
          repetitions, statements);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** One contender's database, operation and timings. */
  private final class Lane {
    private final Contender contender;
    private final Database database;
    private final Handle handle;
    private final Dataset data;
    private final long expectedRows;
    private final Operation operation;
    private final int warmups;
    private final int repetitions;
    private final StatementLog statements;
    private final List<Double> millis = new ArrayList<>();
    private final List<Long> rowsChanged = new ArrayList<>();
    private Optional<String> stopped = Optional.empty();

    Lane(Contender contender, Database database, Handle handle, Dataset data, long expectedRows,
        Operation operation, int warmups, int repetitions, StatementLog statements) {
      this.statements = statements;
      this.contender = contender;
      this.database = database;
      this.handle = handle;
      this.data = data;
      this.expectedRows = expectedRows;
      this.operation = operation;
      this.warmups = warmups;
      this.repetitions = repetitions;
    }

    int runs() {
      return warmups + repetitions;
    }

    void runRound(int round) {
      if (round >= runs() || stopped.isPresent()) {
        return;
      }
      long key = round + 1;
      try {
        operation.prepare(key);
      } catch (RuntimeException e) {
        stop(String.format(Locale.ROOT, "failed setting up run %d, untimed: %s", round + 1, firstLine(e)));
        return;
      }
      if (contender.analyzedBeforeEachRun()) {
        data.analyze();
      }
      long before = data.liveRows();
      if (statements != null) {
        statements.clear();
      }
      long start = System.nanoTime();
      try {
        operation.run(key);
      } catch (RuntimeException e) {
        stop(String.format(Locale.ROOT, "failed in run %d after %.1f s: %s", round + 1,
            (System.nanoTime() - start) / 1e9, firstLine(e)));
        return;
      }
      double elapsed = (System.nanoTime() - start) / 1e6;
      long after = data.liveRows();
      long changed = contender.effect() == Contender.Effect.DELETES ? before - after : after - before;
      boolean warmup = round < warmups;
      log.printf("    %-72s root %2d: %10.1f ms, %d rows%s%s%n",
          contender.name(), key, elapsed, changed, changed == expectedRows ? "" : " (expected " + expectedRows + ")",
          warmup ? " (warm-up)" : "");
      if (statements != null) {
        statements.printSlowest(options.slowestStatements(), log);
      }
      boolean overLimit = elapsed > options.runLimit().toMillis();
      if (!warmup || (overLimit && millis.isEmpty())) {
        millis.add(elapsed);
        rowsChanged.add(changed);
      }
      if (overLimit && round + 1 < runs()) {
        stop(String.format(Locale.ROOT, "ran no more after a run of %.1f s (--run-limit=%ds)",
            elapsed / 1000, options.runLimit().toSeconds()));
      }
    }

    private void stop(String why) {
      stopped = Optional.of(why);
      log.printf("    %s: %s%n", contender.name(), why);
    }

    /** The root cause's message, on one line, at most 300 characters. */
    private static String firstLine(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = StatementLog.shorten(String.valueOf(root.getMessage()).replaceAll("\\s+", " "));
      return root.getClass().getSimpleName() + ": " + (message.length() > 300 ? message.substring(0, 300) + "..." : message);
    }

    Result result(Comparison comparison) {
      return new Result(comparison, contender, kind, millis, rowsChanged, expectedRows, stopped);
    }

    void close() {
      try (database;
          handle;
          operation) {
        // Closed in reverse order, each even if another fails.
      }
    }
  }
}
