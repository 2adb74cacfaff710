package dev.cascade.runtime;

/** What restoring a trashed row does when its id was taken by another row in the meantime. */
public enum IdConflict {
  /**
   * The row gets a key the database generates, and the rows restored with it point to the new
   * key. Fails for keys the database does not generate.
   */
  ASSIGN_NEW,
  /** The restore fails and changes nothing. */
  FAIL
}
