package dev.cascade.runtime.internal;

/**
 * A query a restore runs before changing anything; any row it returns fails the restore.
 *
 * @param table the table whose rows are checked
 * @param column the column at fault
 * @param parent for a parent check, the parent's table; else null
 * @param sql the query, selecting the offending values
 */
record Check(String table, String column, String parent, Sql sql) {}
