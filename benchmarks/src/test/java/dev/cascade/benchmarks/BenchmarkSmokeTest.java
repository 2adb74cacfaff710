package dev.cascade.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.testing.DatabaseKind;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs every comparison once on tiny data, on PostgreSQL and H2, so that {@code ./mvnw verify}
 * proves the benchmark works. Times are not asserted: only that each run deleted or restored
 * exactly one user's tree, counted afterwards.
 */
class BenchmarkSmokeTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void everyContenderDeletesOrRestoresExactlyOneTreePerRun() {
    Options options =
        new Options(Shape.TINY, List.of(DatabaseKind.POSTGRESQL, DatabaseKind.H2), 1, 1, 1, Optional.empty());

    Main.Run run = Main.run(options, QUIET);

    int contenders = Comparisons.all().stream().mapToInt(c -> c.rows().size()).sum();
    assertThat(run.results()).hasSize(2 * contenders);
    assertThat(run.results())
        .allSatisfy(result -> assertThat(result.rowsChanged()).containsExactly(Shape.TINY.treeSize()));
    assertThat(run.report())
        .contains("| permanent delete | native ON DELETE CASCADE | POSTGRESQL |")
        .contains("| restore from trash | Cascade restore after TRASH (plain FKs) | H2 |")
        .doesNotContain("WARNING");
  }
}
