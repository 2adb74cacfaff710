package dev.cascade.benchmarks.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Compiles a small generated schema's sources once; the real run is a separate command. */
class GeneratedSourcesBenchmarkSmokeTest {
  @Test
  void compilesADeleterAndRestorerPerModel() throws Exception {
    GeneratedSourcesBenchmark.Timings timings =
        GeneratedSourcesBenchmark.measure(12, 1, new PrintStream(OutputStream.nullOutputStream()));

    assertThat(timings.sources()).isEqualTo(2 * 12);
    assertThat(timings.cpuMillis()).hasSize(1);
  }
}
