package dev.cascade.runtime.internal;

/**
 * One statement of a strategy that changes rows.
 *
 * @param kind what it does
 * @param table the table it changes
 * @param column for {@link Kind#NULLIFY}, the foreign key it clears; else null
 * @param sql the statement
 * @param root whether it changes the requested rows themselves
 */
record Step(Kind kind, String table, String column, Sql sql, boolean root) {

  enum Kind {
    DELETE,
    COPY,
    MARK,
    NULLIFY,
    UNMARK,
    INSERT,
    PURGE
  }
}
