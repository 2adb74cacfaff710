package dev.cascade.runtime;

/** Where a delete operation stands, in the journal. */
public enum OperationState {
  /**
   * A batched delete ({@code destroyInBatches}) that began and has not finished: some batches are
   * committed, the root is not deleted yet. Calling {@code destroyInBatches} again for the same row
   * finishes it, under the same marker and deletion id.
   */
  DELETING,
  /** Its rows are deleted: soft-deleted, in the trash, or gone for good ({@code PERMANENT}). */
  DELETED,
  /** A restore brought back every root it deleted, with their cascades. */
  RESTORED,
  /**
   * A purge began removing its rows for good, in batches each committed on its own, and has not
   * finished; no restore can take it back now. The next purge finishes it.
   */
  PURGING,
  /** A purge removed its rows for good. */
  PURGED
}
