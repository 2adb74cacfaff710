package dev.cascade.runtime.internal;

/**
 * A count a preview runs.
 *
 * @param table the table counted
 * @param nullified whether it counts rows that would be unlinked rather than deleted
 * @param sql the count
 */
record Count(String table, boolean nullified, Sql sql) {}
