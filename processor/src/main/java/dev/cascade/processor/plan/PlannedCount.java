package dev.cascade.processor.plan;

/**
 * A count a preview runs.
 *
 * @param nullified whether it counts rows that would be unlinked rather than deleted
 * @param table the table counted
 * @param constant the counting SQL constant
 */
public record PlannedCount(boolean nullified, String table, String constant) {}
