package dev.cascade.processor.plan;

/** What a statement of a plan does; mirrors the runtime's step kinds. */
public enum StepKind {
  /** Deletes rows. */
  DELETE,
  /** Sets a foreign key to null, for {@code SET_NULL}. */
  NULLIFY,
  /** Sets the soft-delete column, for {@code SOFT}. */
  MARK,
  /** Copies rows into their trash table, for {@code TRASH}. */
  COPY,
  /** Clears the soft-delete column, restoring a {@code SOFT} delete. */
  UNMARK,
  /** Copies rows back from their trash table, restoring a {@code TRASH} delete. */
  INSERT,
  /** Removes restored rows from their trash table. */
  PURGE
}
