package dev.cascade.benchmarks.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Compiles a small generated schema both ways, once; the real run is a separate command. */
class CompileTimeBenchmarkSmokeTest {
  @Test
  void processorGeneratesADeleterAndRestorerPerModel() throws Exception {
    CompileTimeBenchmark.Timings timings =
        CompileTimeBenchmark.measure(12, 1, new PrintStream(OutputStream.nullOutputStream()));

    assertThat(timings.generatedFiles()).isEqualTo(2 * 12);
    assertThat(timings.withProcessor()).isPositive();
    assertThat(timings.withoutProcessor()).isPositive();
    assertThat(timings.processorOwn()).isPositive();
  }
}
