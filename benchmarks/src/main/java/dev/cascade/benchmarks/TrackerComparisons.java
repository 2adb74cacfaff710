package dev.cascade.benchmarks;

import static dev.cascade.annotations.DeleteStrategy.PERMANENT;
import static dev.cascade.annotations.DeleteStrategy.SOFT;
import static dev.cascade.annotations.DeleteStrategy.TRASH;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.benchmarks.Comparisons.Rows;
import dev.cascade.testing.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 16's tree benchmark: each operation on the tracker's task trees against the same tasks
 * without the self relation (the baseline row), analyzed and not.
 */
final class TrackerComparisons {
  /** On H2, a tree at most this times the same shape without the self relation. */
  static final Map<DatabaseKind, Double> TREE_BOUNDS = Map.of(DatabaseKind.H2, 3.0);

  /** On H2, {@code destroyAll} of a tree table's 20,000 ids "in seconds": at most 10 s. */
  static final Map<DatabaseKind, Double> DESTROY_ALL_SECONDS = Map.of(DatabaseKind.H2, 10.0);

  private TrackerComparisons() {}

  static List<Comparison> all(Options options) {
    TrackerShape shape = options.tracker();
    List<TaskLayout> trees = List.of(TaskLayout.BUSHY, TaskLayout.CHAIN);
    List<Comparison> comparisons = new ArrayList<>();
    comparisons.add(compare(options, "project: PERMANENT delete", TrackerWork.DELETE_PROJECT, PERMANENT, trees));
    comparisons.add(compare(options, "project: SOFT delete", TrackerWork.DELETE_PROJECT, SOFT, trees));
    comparisons.add(compare(options, "project: restore after SOFT", TrackerWork.RESTORE_PROJECT, SOFT, trees));
    comparisons.add(compare(options, "project: TRASH delete", TrackerWork.DELETE_PROJECT, TRASH, trees));
    comparisons.add(compare(options, "project: restore from TRASH", TrackerWork.RESTORE_PROJECT, TRASH, trees));
    List<TaskLayout> bushy = List.of(TaskLayout.BUSHY);
    for (DeleteStrategy strategy : List.of(SOFT, TRASH)) {
      comparisons.add(compare(options, "tasks: restoreAll of " + shape.separateDeletes() + " deleted one by one, "
          + strategy, TrackerWork.RESTORE_ALL_TASKS, strategy, bushy));
    }
    List<TaskLayout> leaves = List.of(TaskLayout.LEAVES);
    for (DeleteStrategy strategy : List.of(PERMANENT, SOFT, TRASH)) {
      comparisons.add(compare(options, "tasks: destroyAll of " + shape.bulkTasks() + " ids, " + strategy,
          TrackerWork.DESTROY_ALL_TASKS, strategy, leaves));
    }
    return comparisons;
  }

  /**
   * The same tasks without the self relation (the baseline), then each tree layout, held on H2
   * to 3x the baseline, or, for {@code destroyAll}, to seconds.
   */
  private static Comparison compare(
      Options options, String operation, TrackerWork work, DeleteStrategy strategy, List<TaskLayout> trees) {
    TrackerShape shape = options.tracker();
    Rows rows = new Rows(options.analysis());
    Contender flat = rows.cascade(new TrackerContender(work, strategy, TaskLayout.FLAT, shape));
    for (TaskLayout tree : trees) {
      rows.cascade(new TrackerContender(work, strategy, tree, shape),
          c -> work == TrackerWork.DESTROY_ALL_TASKS
              ? Goal.under(DESTROY_ALL_SECONDS, c)
              : Goal.within(TREE_BOUNDS, c, flat, "without the self relation"));
    }
    return rows.comparison(operation);
  }
}
