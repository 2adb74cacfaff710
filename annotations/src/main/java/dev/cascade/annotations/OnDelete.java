package dev.cascade.annotations;

/** What deleting a parent does to the child rows of a {@link HasMany} relation. */
public enum OnDelete {
  /** The child rows are deleted too, with the parent's strategy, and so on down the tree. */
  CASCADE,
  /**
   * The child rows stay and their foreign key is set to null. The component must be able to hold
   * null (a boxed type, not a primitive).
   */
  SET_NULL,
  /** While child rows exist, deleting the parent fails and changes nothing. */
  RESTRICT
}
