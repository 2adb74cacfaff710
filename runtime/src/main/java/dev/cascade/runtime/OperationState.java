package dev.cascade.runtime;

/** Where a delete operation stands, in the journal. */
public enum OperationState {
  /** Its rows are deleted: soft-deleted, in the trash, or gone for good ({@code PERMANENT}). */
  DELETED,
  /** A restore brought back every root it deleted, with their cascades. */
  RESTORED,
  /** A purge removed its rows for good. */
  PURGED
}
