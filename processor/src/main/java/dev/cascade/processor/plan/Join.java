package dev.cascade.processor.plan;

import java.util.Optional;

/**
 * Rows of a table reached through one relation, as a join: {@code FROM (source) AS cascade_keys
 * JOIN table ON on WHERE filter}, the table's columns qualified by its name.
 *
 * @param source the parent's keys (and markers)
 * @param on the foreign key (and marker) matching them, and the relation's {@code where}
 * @param filter the source's own condition on the table's rows
 */
record Join(SqlText source, SqlText on, Optional<Condition> filter) {
  /** What the parent's keys are called in the join. */
  static final String ALIAS = "cascade_keys";

  /** {@code " FROM (source) AS cascade_keys JOIN table ON on"}, without the filter. */
  SqlText from(String table) {
    return SqlText.builder().text(" FROM (").append(source).text(") AS " + ALIAS + " JOIN " + table + " ON ").append(on).build();
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
