package dev.cascade.benchmarks;

import java.util.List;
import java.util.Optional;

/**
 * One operation done several ways, run side by side: ratios are to the {@code baseline}, the
 * first row, and some rows carry a target.
 */
record Comparison(String operation, List<Row> rows) {
  Comparison {
    rows = List.copyOf(rows);
  }

  Contender baseline() {
    return rows.get(0).contender();
  }

  /** A contender and the target its result is held to, if the issue sets one. */
  record Row(Contender contender, Optional<Goal> goal) {
    static Row of(Contender contender) {
      return new Row(contender, Optional.empty());
    }

    static Row of(Contender contender, Goal goal) {
      return new Row(contender, Optional.of(goal));
    }
  }
}
