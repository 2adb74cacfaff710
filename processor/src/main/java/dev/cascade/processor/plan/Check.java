package dev.cascade.processor.plan;

/**
 * A query a restore runs before it changes anything: any row it selects fails the restore.
 *
 * @param table the table whose rows are checked
 * @param column the column at fault: a foreign key whose parent is still deleted, or a key
 *     another row has taken since
 * @param parent for a parent check, the parent's table; else null
 * @param constant the query, selecting the offending values
 */
public record Check(String table, String column, String parent, String constant) {}
