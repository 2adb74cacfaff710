package dev.cascade.processor.plan;

import java.util.Optional;

/**
 * A {@code RESTRICT} relation checked before a delete changes anything: a count that must be zero.
 *
 * @param table the child table whose rows would block
 * @param column its foreign key
 * @param parent the table being deleted from
 * @param constant the counting SQL constant
 * @param trashed for a {@code PERMANENT} delete, the same count in the child's trash table
 */
public record Restriction(String table, String column, String parent, String constant, Optional<Trashed> trashed) {
  /**
   * The rows of the child's trash table that would block a {@code PERMANENT} delete: restored, they
   * would point at rows gone for good (trial 25: a member deleted for good made the trash of an
   * issue with the member's time entries impossible to restore).
   *
   * @param trashTable the child's trash table
   * @param constant the counting SQL constant
   */
  public record Trashed(String trashTable, String constant) {}
}
