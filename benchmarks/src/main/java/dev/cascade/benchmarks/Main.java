package dev.cascade.benchmarks;

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
 * Runs every comparison on every database and prints the results table, with the machine it ran
 * on; see BENCHMARKS.md. Progress goes to stderr, the report to stdout (and {@code --out}).
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
      for (Comparison comparison : Comparisons.all()) {
        log.printf("%s on %s%n", comparison.operation(), kind);
        results.addAll(runner.run(comparison));
      }
    }
    String loadAfter = Machine.loadAverage();

    StringBuilder report = new StringBuilder();
    Machine machine = Machine.current();
    report.append("Data: ").append(options.shape()).append("; ")
        .append(options.warmups()).append(" warm-ups + ").append(options.repetitions())
        .append(" timed runs (row-by-row and Hibernate: ").append(options.slowWarmups()).append(" + ")
        .append(options.slowRepetitions()).append(").\n\n");
    report.append(ResultTable.render(results)).append('\n');
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
      if (!result.changedWholeTrees(options.shape().treeSize())) {
        report.append("- WARNING: ").append(result.contender().name()).append(" on ").append(result.database())
            .append(" changed ").append(result.rowsChanged()).append(" rows, not ")
            .append(options.shape().treeSize()).append(" per run\n");
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
