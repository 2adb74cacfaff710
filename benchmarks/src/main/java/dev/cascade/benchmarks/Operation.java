package dev.cascade.benchmarks;

/** A contender bound to one database: one call per root (a user, a project), timed. */
interface Operation extends AutoCloseable {
  /** Untimed set-up for a run on this root, such as deleting the tree a restore brings back. */
  default void prepare(long key) {}

  /** The timed work: deletes or restores this root's tree, committed when it returns. */
  void run(long key);

  @Override
  default void close() {}
}
