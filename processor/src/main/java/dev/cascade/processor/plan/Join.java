package dev.cascade.processor.plan;

import java.util.Optional;

/**
 * Rows of a table reached through one relation, as a join: {@code FROM (source) AS cascade_keys
 * JOIN table ON on WHERE filter}, the table's columns qualified by its name.
 *
 * @param source the parent's keys (and markers)
 * @param on the foreign key (and marker) matching them, and the relation's {@code where}
 * @param filter the source's own condition on the table's rows
 * @param keysFirst whether SQLite is told to read the keys before the table ({@code CROSS JOIN}):
 *     a relation's {@code where} ({@code owner_type = 'message'}) on a column that leads an index
 *     looks to SQLite's planner, without statistics, like a lookup of a few rows, so it would read
 *     the table through it and look its rows' parents up in the keys, each time reading all of them
 */
record Join(SqlText source, SqlText on, Optional<Condition> filter, boolean keysFirst) {
  /** What the parent's keys are called in the join. */
  static final String ALIAS = "cascade_keys";

  /** A join the planner may read in either order. */
  Join(SqlText source, SqlText on, Optional<Condition> filter) {
    this(source, on, filter, false);
  }

  /** The same join, its rows also meeting {@code condition}. */
  Join filteredBy(Condition condition) {
    return new Join(source, on, Optional.of(filter.map(f -> f.and(condition)).orElse(condition)), keysFirst);
  }

  /**
   * {@code " FROM (source) AS cascade_keys JOIN table ON on"}, without the filter; {@code
   * <sqlite>CROSS </sqlite>JOIN} where the keys come first.
   */
  SqlText from(String table) {
    String join = (keysFirst ? Protocol.SQLITE_ONLY + "CROSS " + Protocol.END_SQLITE_ONLY : "") + "JOIN ";
    return SqlText.builder().text(" FROM (").append(source).text(") AS " + ALIAS + " " + join + table + " ON ").append(on).build();
  }

  /**
   * {@code " FROM posts_trash<only-named> JOIN (source) AS cascade_keys ON on</only-named>"}: a
   * trash table's rows joined to keys that reach them, the join a part a restore of whole operations
   * leaves out ({@link Protocol#ONLY_NAMED}), reading the table by {@code deletion_id} alone.
   */
  SqlText fromUnlessWhole(String trashTable) {
    return SqlText.builder()
        .text(" FROM " + trashTable + Protocol.ONLY_NAMED + " JOIN (")
        .append(source)
        .text(") AS " + ALIAS + " ON ")
        .append(on)
        .text(Protocol.END_ONLY_NAMED)
        .build();
  }
}
