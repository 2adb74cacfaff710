package dev.cascade.processor.plan;

/**
 * One statement that changes rows.
 *
 * @param kind what it does
 * @param table the table it changes
 * @param column the foreign key it sets to null, for {@link StepKind#NULLIFY}; else null
 * @param constant the SQL constant it runs
 * @param root whether it changes the root rows themselves, whose count is {@code deletedCount()}
 */
public record PlannedStep(StepKind kind, String table, String column, String constant, boolean root) {}
