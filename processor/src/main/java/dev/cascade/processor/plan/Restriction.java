package dev.cascade.processor.plan;

/**
 * A {@code RESTRICT} relation checked before a delete changes anything: a count that must be zero.
 *
 * @param table the child table whose rows would block
 * @param column its foreign key
 * @param parent the table being deleted from
 * @param constant the counting SQL constant
 */
public record Restriction(String table, String column, String parent, String constant) {}
