package dev.cascade.processor.plan;

/**
 * A check a restore runs before changing anything; it selects the offending values, and any row
 * makes the restore fail.
 *
 * @param table the table whose rows are checked
 * @param column the column at fault: a foreign key whose parent is still deleted, or the key
 *     another row took in the meantime
 * @param parent for a parent check, the parent's table; else null
 * @param constant the SQL constant
 */
public record RestoreCheck(String table, String column, String parent, String constant) {}
