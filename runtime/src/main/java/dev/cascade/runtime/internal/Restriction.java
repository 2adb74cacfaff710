package dev.cascade.runtime.internal;

/**
 * A {@code RESTRICT} relation, checked before anything changes: a count that must be zero.
 *
 * @param table the child table whose rows would block
 * @param column its foreign key
 * @param parent the table being deleted from
 * @param sql the count
 */
record Restriction(String table, String column, String parent, Sql sql) {}
