package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.util.List;

/**
 * The timed runs of one contender on one database, with the rows each run changed (counted
 * afterwards, outside the timing), to check it really deleted or restored the tree.
 */
record Result(Comparison comparison, Contender contender, DatabaseKind database, List<Double> millis,
    List<Long> rowsChanged) {
  Result {
    millis = List.copyOf(millis);
    rowsChanged = List.copyOf(rowsChanged);
  }

  Summary summary() {
    return Summary.of(millis);
  }

  /** Whether every run changed exactly one user's tree. */
  boolean changedWholeTrees(long treeSize) {
    return !rowsChanged.isEmpty() && rowsChanged.stream().allMatch(n -> n == treeSize);
  }
}
