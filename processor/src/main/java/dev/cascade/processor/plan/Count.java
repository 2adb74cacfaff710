package dev.cascade.processor.plan;

/**
 * A count a preview runs.
 *
 * @param table the table counted
 * @param nullified whether it counts rows that would be unlinked rather than removed
 * @param constant the counting SQL constant; for a restore, a query the runtime counts the rows of
 */
public record Count(String table, boolean nullified, String constant) {}
