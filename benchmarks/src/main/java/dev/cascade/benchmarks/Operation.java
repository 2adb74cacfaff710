package dev.cascade.benchmarks;

/** A contender bound to one database: one call per user, timed. */
interface Operation extends AutoCloseable {
  /** Untimed set-up for a run on this user, such as deleting the tree a restore brings back. */
  default void prepare(long userId) {}

  /** The timed work: deletes or restores this user's tree, committed when it returns. */
  void run(long userId);

  @Override
  default void close() {}
}
