package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A target from an issue, on one row: {@code numerator}'s median over {@code denominator}'s is at
 * most (or at least) the bound set for the database. "Within 1.3x of native cascade" is Cascade
 * over native, at most 1.3; "30x faster than row-by-row" is row-by-row over Cascade, at least 30.
 * Without a denominator the bound is in seconds: "in seconds" is a median of at most 10 s. A
 * database without a bound has no target on that row.
 */
record Goal(Contender numerator, Contender denominator, Map<DatabaseKind, Double> bounds, boolean atMost,
    String referenceName) {
  Goal {
    bounds = Map.copyOf(bounds);
  }

  static Goal within(double bound, Contender self, Contender reference, String referenceName) {
    return within(everywhere(bound), self, reference, referenceName);
  }

  static Goal within(Map<DatabaseKind, Double> bounds, Contender self, Contender reference, String referenceName) {
    return new Goal(self, reference, bounds, true, referenceName);
  }

  /** The median at most {@code seconds} on the databases named. */
  static Goal under(Map<DatabaseKind, Double> seconds, Contender self) {
    return new Goal(self, null, seconds, true, "");
  }

  static Goal slowerBy(double factor, Contender self, Contender winner, String winnerName) {
    return new Goal(self, winner, everywhere(factor), false, winnerName);
  }

  /** The same bound on every database. */
  static Map<DatabaseKind, Double> everywhere(double bound) {
    Map<DatabaseKind, Double> bounds = new EnumMap<>(DatabaseKind.class);
    for (DatabaseKind kind : DatabaseKind.values()) {
      bounds.put(kind, bound);
    }
    return bounds;
  }

  /**
   * Says whether the medians on {@code database} meet the target, with the ratio measured; empty
   * when the target does not apply there.
   */
  String verdict(Map<Contender, Summary> medians, DatabaseKind database) {
    Double bound = bounds.get(database);
    if (bound == null) {
      return "";
    }
    Summary top = medians.get(numerator);
    if (denominator == null) {
      String text = "<= " + format(bound) + " s";
      return top == null
          ? text + ": not measured"
          : text + ": " + (top.median() <= bound * 1000 ? "**yes**" : "**no**")
              + String.format(Locale.ROOT, " (%.1f s)", top.median() / 1000);
    }
    String text =
        atMost
            ? "<= " + format(bound) + "x " + referenceName
            : referenceName + " >= " + format(bound) + "x faster";
    Summary bottom = medians.get(denominator);
    if (top == null || bottom == null) {
      return text + ": not measured";
    }
    double ratio = top.median() / bottom.median();
    boolean met = atMost ? ratio <= bound : ratio >= bound;
    return text + ": " + (met ? "**yes**" : "**no**") + String.format(Locale.ROOT, " (%.2fx)", ratio);
  }

  private static String format(double bound) {
    return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
  }
}
