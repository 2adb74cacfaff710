package dev.cascade.runtime.internal;

import java.util.Optional;

/**
 * A {@code RESTRICT} relation, checked before anything changes: a count that must be zero.
 *
 * @param table the child table whose rows would block
 * @param column its foreign key
 * @param parent the table being deleted from
 * @param sql the count
 * @param trashTable where the count is of the child's trash table (a {@code PERMANENT} delete's:
 *     restored, those rows would point at nothing), that table; checked only where it exists
 */
record Restriction(String table, String column, String parent, Sql sql, Optional<String> trashTable) {
  /** The table whose rows the count reads. */
  String counted() {
    return trashTable.orElse(table);
  }
}
