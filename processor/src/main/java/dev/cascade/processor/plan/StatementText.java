package dev.cascade.processor.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One statement's text: the portable form, and the databases that need their own.
 *
 * @param sql the text every database runs but those in {@code variants}
 * @param variants the text of the databases that write the statement differently
 */
record StatementText(SqlText sql, Map<Dialect, SqlText> variants) {

  static StatementText portable(SqlText sql) {
    return new StatementText(sql, Map.of());
  }

  /** The same statement, with {@code dialect}'s own text (in place of any it had). */
  StatementText withVariant(Dialect dialect, SqlText text) {
    Map<Dialect, SqlText> all = new LinkedHashMap<>(variants);
    all.put(dialect, text);
    return new StatementText(sql, Map.copyOf(all));
  }
}
