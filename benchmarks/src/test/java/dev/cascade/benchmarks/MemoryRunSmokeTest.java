package dev.cascade.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the memory benchmark's steps on tiny trees; the real run is a separate command. */
class MemoryRunSmokeTest {
  @Test
  void everyStepChangesOneWholeTree() {
    Shape shape = new Shape(3, 2, 2, 3);

    List<MemoryRun.Step> steps = MemoryRun.run(shape, new PrintStream(OutputStream.nullOutputStream()));

    assertThat(steps).extracting(MemoryRun.Step::what)
        .containsExactly("delete PERMANENT", "delete SOFT", "restore after SOFT", "delete TRASH", "restore from TRASH");
    assertThat(steps).allSatisfy(step -> assertThat(step.rows()).isEqualTo(shape.treeSize()));
  }
}
