package dev.cascade.processor.plan;

/**
 * A soft restore's check of the trash copies it takes its marker off: rows of {@code table} whose
 * {@code column} points at a {@code parent} that the same trash holds soft-deleted by another
 * operation.
 *
 * @param parentTrash the parent's trash table, which the query reads: the runtime runs it only
 *     where that table exists
 * @param constant the query's constant, selecting the parent keys at fault
 */
public record TrashedCheck(String table, String column, String parent, String parentTrash, String constant) {}
