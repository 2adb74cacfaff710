package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.util.List;
import java.util.Optional;

/**
 * The timed runs of one contender on one database, with the live rows each run changed (counted
 * before and after, outside the timing) and the number it should have changed, computed from the
 * data's shape, to check it really deleted or restored what it was asked to. {@code stopped} says
 * why the contender ran fewer runs than asked: a run over {@code --run-limit}, or a failure (such
 * as a statement over {@code --statement-timeout}).
 */
record Result(Comparison comparison, Contender contender, DatabaseKind database, List<Double> millis,
    List<Long> rowsChanged, long expectedRowsPerRun, Optional<String> stopped) {
  Result {
    millis = List.copyOf(millis);
    rowsChanged = List.copyOf(rowsChanged);
  }

  /** Whether at least one timed run finished. */
  boolean measured() {
    return !millis.isEmpty();
  }

  Summary summary() {
    return Summary.of(millis);
  }

  /** Whether every run changed exactly the expected number of rows. */
  boolean changedAsExpected() {
    return !rowsChanged.isEmpty() && rowsChanged.stream().allMatch(n -> n == expectedRowsPerRun);
  }
}
