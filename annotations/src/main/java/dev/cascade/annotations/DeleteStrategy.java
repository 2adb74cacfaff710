package dev.cascade.annotations;

/** How rows are deleted. The root's strategy applies to its whole cascade. */
public enum DeleteStrategy {
  /** Rows are gone. They cannot be restored. */
  PERMANENT,
  /**
   * Rows stay and get a timestamp in their {@link Deletable#deletedAt() deletedAt} column; every
   * table of the cascade needs that column. Restorable.
   */
  SOFT,
  /**
   * Rows are copied into their {@link Deletable#trashTable() trash table}, then deleted.
   * Restorable.
   */
  TRASH
}
