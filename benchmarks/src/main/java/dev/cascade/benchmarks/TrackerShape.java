package dev.cascade.benchmarks;

/**
 * How much data the tracker benchmark loads: {@code projects} projects of {@code tasks} tasks, each
 * task with one comment. The tasks' nesting is a {@link TaskLayout}: a bushy tree of fan-out
 * {@code fanOut}, chains of {@code chainLength}, or none. {@code separateDeletes} tasks are deleted
 * one by one before a {@code restoreAll}; {@code destroyAll} gets {@code bulkTasks} ids, the tasks
 * of one project loaded with that many.
 */
record TrackerShape(int projects, int tasks, int fanOut, int chainLength, int separateDeletes, int bulkTasks) {
  /** Issue 16's sizes: a project of 10,000 tasks, restoreAll of 200, destroyAll of 20,000. */
  static final TrackerShape FULL = new TrackerShape(10, 10_000, 4, 10_000, 200, 20_000);

  /** A tenth of {@link #FULL}. */
  static final TrackerShape TENTH = new TrackerShape(10, 1_000, 4, 1_000, 20, 2_000);

  /** For the smoke test: every tracker scenario once, in well under a second each. */
  static final TrackerShape TINY = new TrackerShape(3, 21, 4, 21, 3, 20);

  TrackerShape {
    if (fanOut < 1 || chainLength < 1 || tasks < 1 || bulkTasks < 1) {
      throw new IllegalArgumentException("tasks, bulk tasks, fan-out and chain length must be positive");
    }
  }

  @Override
  public String toString() {
    return projects + " projects x " + tasks + " tasks (each with one comment) as a tree of fan-out " + fanOut
        + (chainLength >= tasks ? ", as one chain" : ", as chains of " + chainLength)
        + " and flat; restoreAll of " + separateDeletes
        + " tasks deleted one by one; destroyAll of " + bulkTasks + " ids";
  }
}
