package dev.cascade.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.testing.DatabaseKind;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * Runs every comparison of each scenario once on tiny data, so that {@code ./mvnw verify} proves
 * the benchmark works. Times are not asserted: only that each run deleted or restored exactly the
 * rows its data's shape says (a user's tree, a project's, the tasks of a {@code restoreAll}),
 * counted afterwards.
 */
class BenchmarkSmokeTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void forumContendersDeleteOrRestoreExactlyOneTreePerRunAnalyzedOrNot() {
    Options options = tiny("--scenarios=forum");

    Main.Run run = Main.run(options, QUIET);

    assertEveryRowRan(options, run);
    assertThat(run.results())
        .allSatisfy(result -> assertThat(result.rowsChanged()).containsExactly(Shape.TINY.treeSize()));
    assertThat(run.report())
        .contains("| permanent delete | native ON DELETE CASCADE | POSTGRESQL |")
        .contains("| restore from trash | Cascade restore after TRASH (plain FKs) | H2 |")
        .contains("| restore from trash | Cascade restore after TRASH (plain FKs) (no ANALYZE) | POSTGRESQL |")
        .contains("<= 1.15x hand-written")
        .contains("<= 1.5x analyzed");
  }

  @Test
  void networkRowsRunThroughTheDelayingProxyOnPostgresql() {
    Options options = tiny("--scenarios=network", "--network-delay=0.25ms");

    Main.Run run = Main.run(options, QUIET);

    assertEveryRowRan(options, run);
    assertThat(run.results()).allSatisfy(result -> assertThat(result.database()).isEqualTo(DatabaseKind.POSTGRESQL));
    assertThat(run.report())
        .contains("| permanent delete, 0.25 ms network | row-by-row JDBC recursion (plain FKs) (0.25 ms network) | POSTGRESQL |")
        .contains("through the proxy");
  }

  @Test
  void trackerRunsChangeExactlyTheRowsTheirShapeSays() {
    // Unanalyzed only: the twins are the forum test's; this keeps the test to seconds.
    Options options = tiny("--scenarios=tree", "--analyze=never");

    Main.Run run = Main.run(options, QUIET);

    assertEveryRowRan(options, run);
    assertThat(run.report())
        .contains("| project: restore from TRASH | Cascade, bushy task tree (fan-out 4) (no ANALYZE) | H2 |")
        .contains("| tasks: destroyAll of 20 ids, TRASH | Cascade, tree table, no subtasks (no ANALYZE) | POSTGRESQL |")
        .contains("| tasks: restoreAll of 3 deleted one by one, SOFT | Cascade, bushy task tree (fan-out 4) (no ANALYZE) | H2 |");
  }

  @Test
  void batchesDeleteTreesAndPurgeTheTrashOnPostgresql() {
    Options options = tiny("--scenarios=batches", "--databases=postgresql");

    Main.Run run = Main.run(options, QUIET);

    assertThat(run.results()).isEmpty();
    assertThat(run.report())
        .contains("| no delete running |")
        .contains("| destroy, PERMANENT | 1 |")
        .contains("| destroyInBatches 10,000, PERMANENT | 1 |")
        .contains("| destroyInBatches 1,000, PERMANENT | 1 |")
        .contains("| destroy, TRASH | 1 |")
        .contains("| destroyInBatches 10,000, TRASH | 1 |")
        .contains("| `UserDeleter.purge`, TRASH | 2 | " + 2 * Shape.TINY.treeSize() + " | 10,000 |")
        .contains("| `UserDeleter.purge`, TRASH | 2 | " + 2 * Shape.TINY.treeSize() + " | 1,000 |")
        .doesNotContain("WARNING");
  }

  private static Options tiny(String... scenario) {
    String[] args = {"--data=tiny", "--warmups=0", "--repetitions=1", "--slow-repetitions=1"};
    String[] all = new String[args.length + scenario.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(scenario, 0, all, args.length, scenario.length);
    return Options.parse(all);
  }

  /** Every row of every comparison ran, each run changed the expected rows, and nothing warned. */
  private static void assertEveryRowRan(Options options, Main.Run run) {
    int rows =
        options.databases().stream()
            .flatMap(kind -> Comparisons.of(options, kind).stream())
            .mapToInt(c -> c.rows().size())
            .sum();
    assertThat(run.results()).hasSize(rows);
    assertThat(run.results())
        .allSatisfy(result -> assertThat(result.rowsChanged()).containsExactly(result.expectedRowsPerRun()));
    assertThat(run.report()).doesNotContain("WARNING");
  }
}
