package dev.cascade.runtime.internal;

import dev.cascade.runtime.Dialect;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A generated statement: its text, another text for each database that writes it differently,
 * and the databases it runs on (all, unless {@link #only} says otherwise).
 */
public final class Sql {
  private static final String COUNT_ALL = "SELECT COUNT(*) FROM ";
  private static final String WHERE = " WHERE ";
  private final String text;
  private final Map<Dialect, String> byDialect;
  private final Set<Dialect> runsOn;

  private Sql(String text, Map<Dialect, String> byDialect, Set<Dialect> runsOn) {
    this.text = text;
    this.byDialect = byDialect;
    this.runsOn = runsOn;
  }

  public static Sql of(String text) {
    return new Sql(text, new EnumMap<>(Dialect.class), EnumSet.allOf(Dialect.class));
  }

  /** The same statement, written differently for one database. */
  public Sql or(Dialect dialect, String text) {
    Map<Dialect, String> more = new EnumMap<>(Dialect.class);
    more.putAll(byDialect);
    more.put(dialect, text);
    return new Sql(this.text, more, runsOn);
  }

  /** The same statement, run on these databases only. */
  public Sql only(Dialect... dialects) {
    return new Sql(text, byDialect, EnumSet.copyOf(List.of(dialects)));
  }

  /** {@code SELECT COUNT(*)} of the rows this query selects, on every database. */
  Sql count() {
    Map<Dialect, String> counted = new EnumMap<>(Dialect.class);
    byDialect.forEach((dialect, query) -> counted.put(dialect, counting(query)));
    return new Sql(counting(text), counted, runsOn);
  }

  private static String counting(String query) {
    return "SELECT COUNT(*) FROM (" + query + ") AS cascade_count";
  }

  /**
   * For a {@code SELECT COUNT(*) FROM t WHERE ...} on every database, {@code SELECT DISTINCT column
   * FROM t WHERE ... LIMIT limit}: what the rows it counts hold in that column; empty for a count of
   * another shape.
   */
  Optional<Sql> distinct(String column, int limit) {
    return ofCount(count -> "SELECT DISTINCT " + column + count.substring("SELECT COUNT(*)".length()) + " LIMIT " + limit);
  }

  /**
   * For a {@code SELECT COUNT(*) FROM t WHERE ...} on every database, {@code SELECT COUNT(*) FROM t
   * WHERE condition AND (...)}: how many of the rows it counts also meet the condition; empty for a
   * count of another shape.
   */
  Optional<Sql> countWhere(String condition) {
    return ofCount(count -> {
      int where = count.indexOf(WHERE);
      return where < 0
          ? count + WHERE + condition
          : count.substring(0, where) + WHERE + condition + " AND (" + count.substring(where + WHERE.length()) + ")";
    });
  }

  /** The statement each text of this count turns into; empty unless every text is a count of rows. */
  private Optional<Sql> ofCount(UnaryOperator<String> from) {
    if (!text.startsWith(COUNT_ALL) || byDialect.values().stream().anyMatch(query -> !query.startsWith(COUNT_ALL))) {
      return Optional.empty();
    }
    Map<Dialect, String> derived = new EnumMap<>(Dialect.class);
    byDialect.forEach((dialect, query) -> derived.put(dialect, from.apply(query)));
    return Optional.of(new Sql(from.apply(text), derived, runsOn));
  }

  /** The same statement, its portable text on every database. */
  Sql portableEverywhere() {
    return new Sql(text, new EnumMap<>(Dialect.class), runsOn);
  }

  boolean runsOn(Dialect dialect) {
    return runsOn.contains(dialect);
  }

  /**
   * The text every database runs unless it has its own: a plain {@code DELETE ... WHERE} or
   * {@code UPDATE ... WHERE}, which batches limit (see {@link BatchPlan}).
   */
  String portable() {
    return text;
  }

  /** The text for this database, names still in generated SQL's neutral quotes. */
  String text(Dialect dialect) {
    return byDialect.getOrDefault(dialect, text);
  }

  @Override
  public String toString() {
    return text;
  }
}
