package dev.cascade.benchmarks;

import dev.cascade.benchmarks.Contender.Effect;

/** What a tracker run does, to project {@code i} of run {@code i}. */
enum TrackerWork {
  /** {@code ProjectDeleter.destroy}: the project, its tasks at every depth, their comments. */
  DELETE_PROJECT(Effect.DELETES),
  /** {@code ProjectRestorer.restore}, after an untimed delete of the project. */
  RESTORE_PROJECT(Effect.RESTORES),
  /** {@code TaskRestorer.restoreAll}, after untimed deletes of some of the project's tasks, one call each. */
  RESTORE_ALL_TASKS(Effect.RESTORES),
  /** {@code TaskDeleter.destroyAll} of every task of the project. */
  DESTROY_ALL_TASKS(Effect.DELETES);

  private final Effect effect;

  TrackerWork(Effect effect) {
    this.effect = effect;
  }

  Effect effect() {
    return effect;
  }
}
