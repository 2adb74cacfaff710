package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Runs one comparison on one kind of database: each contender gets its own freshly loaded
 * database, then the contenders take turns, repetition by repetition, so that a slow spell of the
 * machine hits all of them alike. Run {@code i} of every contender deletes (or restores) user
 * {@code i + 1}; the first runs are warm-ups and are not kept.
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
    Database database = Database.create(kind);
    try {
      Handle handle = database.jdbi().open();
      ForumData data = new ForumData(handle, kind);
      data.create(options.shape(), contender.foreignKeys());
      int warmups = contender.slow() ? options.slowWarmups() : options.warmups();
      int repetitions = contender.slow() ? options.slowRepetitions() : options.repetitions();
      return new Lane(contender, database, handle, data, contender.open(database), warmups, repetitions);
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
    private final ForumData data;
    private final Operation operation;
    private final int warmups;
    private final int repetitions;
    private final List<Double> millis = new ArrayList<>();
    private final List<Long> rowsChanged = new ArrayList<>();

    Lane(Contender contender, Database database, Handle handle, ForumData data, Operation operation,
        int warmups, int repetitions) {
      this.contender = contender;
      this.database = database;
      this.handle = handle;
      this.data = data;
      this.operation = operation;
      this.warmups = warmups;
      this.repetitions = repetitions;
    }

    int runs() {
      return warmups + repetitions;
    }

    void runRound(int round) {
      if (round >= runs()) {
        return;
      }
      long userId = round + 1;
      operation.prepare(userId);
      data.tidy();
      long before = data.liveRows();
      long start = System.nanoTime();
      operation.run(userId);
      double elapsed = (System.nanoTime() - start) / 1e6;
      long after = data.liveRows();
      long changed = contender.effect() == Contender.Effect.DELETES ? before - after : after - before;
      boolean warmup = round < warmups;
      log.printf("    %-58s user %2d: %10.1f ms, %d rows%s%n",
          contender.name(), userId, elapsed, changed, warmup ? " (warm-up)" : "");
      if (!warmup) {
        millis.add(elapsed);
        rowsChanged.add(changed);
      }
    }

    Result result(Comparison comparison) {
      return new Result(comparison, contender, kind, millis, rowsChanged);
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
