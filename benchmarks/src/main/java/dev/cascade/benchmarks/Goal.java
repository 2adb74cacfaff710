package dev.cascade.benchmarks;

import java.util.Map;

/**
 * A target from the issue, on one row: {@code numerator}'s median over {@code denominator}'s is at
 * most (or at least) {@code bound}. "Within 1.3x of native cascade" is Cascade over native, at
 * most 1.3; "30x faster than row-by-row" is row-by-row over Cascade, at least 30.
 */
record Goal(Contender numerator, Contender denominator, double bound, boolean atMost, String text) {
  static Goal within(double bound, Contender self, Contender reference, String referenceName) {
    return new Goal(self, reference, bound, true, "<= " + bound + "x " + referenceName);
  }

  static Goal slowerBy(double factor, Contender self, Contender winner, String winnerName) {
    return new Goal(self, winner, factor, false, winnerName + " >= " + (int) factor + "x faster");
  }

  /** Says whether the medians meet the target, with the ratio measured. */
  String verdict(Map<Contender, Summary> medians) {
    Summary top = medians.get(numerator);
    Summary bottom = medians.get(denominator);
    if (top == null || bottom == null) {
      return text + ": not measured";
    }
    double ratio = top.median() / bottom.median();
    boolean met = atMost ? ratio <= bound : ratio >= bound;
    return text + ": " + (met ? "**yes**" : "**no**") + String.format(" (%.2fx)", ratio);
  }
}
