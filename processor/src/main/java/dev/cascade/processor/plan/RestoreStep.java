package dev.cascade.processor.plan;

/**
 * One statement of a restore that changes rows.
 *
 * @param kind what it does
 * @param table the table whose rows come back
 * @param constant the SQL constant it runs
 * @param root whether it brings back the rows the call names
 */
public record RestoreStep(Kind kind, String table, String constant, boolean root) {

  /** What a restore statement does; the runtime's {@code RestoreStep.Kind} has the same names. */
  public enum Kind {
    /** Clears the soft-delete column, undoing a {@code SOFT} delete. */
    UNMARK,
    /** Copies rows back from their trash table, undoing a {@code TRASH} delete. */
    INSERT,
    /** Points restored rows at rows of their own table that came back with them. */
    RELINK,
    /** Removes restored rows from their trash table. */
    PURGE,
    /**
     * Points the copies other operations left in the trash at a root this restore gave a new key,
     * as the copies this restore brought back were; run only when it gave one.
     */
    FOLLOW
  }
}
