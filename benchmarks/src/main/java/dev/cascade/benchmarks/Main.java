package dev.cascade.benchmarks;

import dev.cascade.benchmarks.Options.Scenario;
import dev.cascade.testing.DatabaseKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs the comparisons of the chosen scenarios ({@code --scenarios}) on every database and prints
 * the results table, with the machine it ran on; see BENCHMARKS.md and {@link Options}. Progress
 * goes to stderr, the report to stdout (and {@code --out}).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    String report = run(options, System.err).report();
    System.out.print(report);
    if (options.out().isPresent()) {
      Files.writeString(options.out().get(), report);
    }
  }

  /** The results and their report. */
  record Run(List<Result> results, String report) {}

  static Run run(Options options, PrintStream log) {
    String loadBefore = Machine.loadAverage();
    List<Result> results = new ArrayList<>();
    for (DatabaseKind kind : options.databases()) {
      ComparisonRunner runner = new ComparisonRunner(kind, options, log);
      for (Comparison comparison : Comparisons.of(options, kind)) {
        log.printf("%s on %s%n", comparison.operation(), kind);
        results.addAll(runner.run(comparison));
      }
    }
    boolean batches =
        options.scenarios().contains(Scenario.BATCHES) && options.databases().contains(DatabaseKind.POSTGRESQL);
    String batched = batches ? BatchScenario.run(options, log) : "";
    String loadAfter = Machine.loadAverage();
    boolean network =
        options.scenarios().contains(Scenario.NETWORK) && options.databases().contains(DatabaseKind.POSTGRESQL);
    String roundTrips = network ? NetworkProbe.roundTrips(options.networkDelay()) : "";

    StringBuilder report = new StringBuilder();
    Machine machine = Machine.current();
    report.append("Data:");
    if (options.scenarios().contains(Scenario.FORUM) || network || batches) {
      report.append(" forum ").append(options.shape()).append(';');
    }
    if (options.scenarios().contains(Scenario.TREE)) {
      report.append(" tracker ").append(options.tracker()).append(';');
    }
    report.append(' ').append(options.warmups()).append(" warm-ups + ").append(options.repetitions())
        .append(" timed runs (row-by-row and Hibernate: ").append(options.slowWarmups()).append(" + ")
        .append(options.slowRepetitions()).append(").\n");
    report.append("Statistics: ").append(switch (options.analysis()) {
      case BEFORE_EACH -> "analyzed before each run (and between a restore's delete and the restore).";
      case NEVER -> "analyzed once after the load, never again; restores run right after their delete.";
      case BOTH -> "analyzed before each run; rows marked (no ANALYZE) are analyzed once after the load, never"
          + " again, and their restores run right after their delete.";
    }).append('\n');
    if (network) {
      report.append("Network: rows marked (").append(OverNetwork.label(options.networkDelay()))
          .append(" network) reach PostgreSQL through a proxy on 127.0.0.1 that delays each direction by ")
          .append(OverNetwork.label(options.networkDelay())).append("; ").append(roundTrips).append(".\n");
    }
    report.append('\n');
    if (!results.isEmpty()) {
      report.append(ResultTable.render(results)).append('\n');
    }
    if (batches) {
      report.append(batched).append('\n');
    }
    report.append("- Machine: ").append(machine.processors()).append(" processors (").append(machine.cpu())
        .append("), ").append(machine.memory()).append(" memory, ").append(machine.os()).append('\n');
    report.append("- JDK: ").append(machine.jdk()).append('\n');
    for (DatabaseKind kind : options.databases()) {
      report.append("- ").append(kind).append(": ").append(version(kind)).append('\n');
    }
    report.append("- Hibernate: ").append(org.hibernate.Version.getVersionString()).append('\n');
    report.append("- Load average (1, 5, 15 min): before ").append(loadBefore)
        .append("; after ").append(loadAfter).append('\n');
    for (Result result : results) {
      result.stopped().ifPresent(why ->
          report.append("- STOPPED: ").append(result.comparison().operation()).append(": ")
              .append(result.contender().name()).append(" on ").append(result.database()).append(' ')
              .append(why).append("; ").append(result.millis().size()).append(" timed run(s) kept\n"));
      if (!result.changedAsExpected()) {
        report.append("- WARNING: ").append(result.comparison().operation()).append(": ")
            .append(result.contender().name()).append(" on ").append(result.database())
            .append(" changed ").append(result.rowsChanged()).append(" rows, not ")
            .append(result.expectedRowsPerRun()).append(" per run\n");
      }
    }
    return new Run(results, report.toString());
  }

  private static String version(DatabaseKind kind) {
    try (Database database = Database.create(kind)) {
      Jdbi jdbi = database.jdbi();
      return jdbi.withHandle(
          h -> {
            DatabaseMetaData meta = h.getConnection().getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
          });
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
