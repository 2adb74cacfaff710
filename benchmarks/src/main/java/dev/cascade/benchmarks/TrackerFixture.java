package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The tracker data one {@link TrackerWork} runs on: projects of {@link TrackerShape#tasks()} tasks
 * ({@link TrackerShape#bulkTasks()} for {@code destroyAll}) nested as {@code layout} says, and the
 * rows one run must change, counted in Java from the layout's parent function.
 */
record TrackerFixture(TrackerShape shape, TaskLayout layout, TrackerWork work) implements Fixture {
  /** Tasks per project. */
  int tasksPerProject() {
    return work == TrackerWork.DESTROY_ALL_TASKS ? shape.bulkTasks() : shape.tasks();
  }

  @Override
  public Dataset load(Handle handle, DatabaseKind kind) {
    TrackerData data = new TrackerData(handle, kind, layout);
    data.create(shape, tasksPerProject());
    return data;
  }

  @Override
  public int runs() {
    return shape.projects();
  }

  @Override
  public long rowsPerRun() {
    return switch (work) {
      case DELETE_PROJECT, RESTORE_PROJECT -> 1 + 2L * tasksPerProject();
      case RESTORE_ALL_TASKS -> 2 * subtreeSizes(separatelyDeleted());
      case DESTROY_ALL_TASKS -> 2L * tasksPerProject();
    };
  }

  /** The id of task {@code k} of {@code project}. */
  long taskId(long project, int k) {
    return (project - 1) * tasksPerProject() + k + 1;
  }

  /** Every task of {@code project}, for {@code destroyAll}. */
  List<Long> taskIds(long project) {
    List<Long> ids = new ArrayList<>();
    for (int k = 0; k < tasksPerProject(); k++) {
      ids.add(taskId(project, k));
    }
    return ids;
  }

  /**
   * The tasks deleted one by one before a {@code restoreAll}: {@code separateDeletes} tasks without
   * subtasks, spread evenly over the project, so that each delete is a whole operation of its own
   * and the flat and tree layouts bring back the same rows.
   */
  List<Integer> separatelyDeleted() {
    List<List<Integer>> children = children();
    List<Integer> leaves = new ArrayList<>();
    for (int k = 0; k < children.size(); k++) {
      if (children.get(k).isEmpty()) {
        leaves.add(k);
      }
    }
    int n = shape.separateDeletes();
    if (leaves.size() < n) {
      throw new IllegalArgumentException(layout + " has " + leaves.size() + " tasks without subtasks, fewer than " + n);
    }
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      chosen.add(leaves.get((int) ((long) i * leaves.size() / n)));
    }
    return chosen;
  }

  /** Tasks in the subtrees of {@code tops}, tops included. */
  long subtreeSizes(List<Integer> tops) {
    List<List<Integer>> children = children();
    long size = 0;
    Deque<Integer> pending = new ArrayDeque<>(tops);
    while (!pending.isEmpty()) {
      int k = pending.pop();
      size++;
      pending.addAll(children.get(k));
    }
    return size;
  }

  private List<List<Integer>> children() {
    int n = tasksPerProject();
    List<List<Integer>> children = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      children.add(new ArrayList<>());
    }
    for (int k = 0; k < n; k++) {
      int parent = layout.parent(k, shape);
      if (parent >= 0) {
        children.get(parent).add(k);
      }
    }
    return children;
  }
}
