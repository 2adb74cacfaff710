package dev.cascade.benchmarks;

import dev.cascade.benchmarks.tracker.FlatProjectDeleter;
import dev.cascade.benchmarks.tracker.FlatProjectRestorer;
import dev.cascade.benchmarks.tracker.FlatTaskDeleter;
import dev.cascade.benchmarks.tracker.FlatTaskRestorer;
import dev.cascade.benchmarks.tracker.ProjectDeleter;
import dev.cascade.benchmarks.tracker.ProjectRestorer;
import dev.cascade.benchmarks.tracker.TaskDeleter;
import dev.cascade.benchmarks.tracker.TaskRestorer;
import dev.cascade.runtime.DeleteOptions;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The generated deleters and restorers of the tracker, with the tree or without it. */
enum TrackerModels {
  /** {@code Project}, {@code Task} (a tree), {@code TaskComment}. */
  TREE {
    @Override
    void destroyProject(Handle handle, long id, DeleteOptions options) {
      ProjectDeleter.destroy(handle, id, options);
    }

    @Override
    void restoreProject(Handle handle, long id) {
      ProjectRestorer.restore(handle, id);
    }

    @Override
    void destroyTask(Handle handle, long id, DeleteOptions options) {
      TaskDeleter.destroy(handle, id, options);
    }

    @Override
    void destroyTasks(Handle handle, List<Long> ids, DeleteOptions options) {
      TaskDeleter.destroyAll(handle, ids, options);
    }

    @Override
    int restoreAllTasks(Handle handle) {
      return TaskRestorer.restoreAll(handle).size();
    }
  },
  /** {@code FlatProject}, {@code FlatTask} (no self relation), {@code FlatTaskComment}. */
  FLAT {
    @Override
    void destroyProject(Handle handle, long id, DeleteOptions options) {
      FlatProjectDeleter.destroy(handle, id, options);
    }

    @Override
    void restoreProject(Handle handle, long id) {
      FlatProjectRestorer.restore(handle, id);
    }

    @Override
    void destroyTask(Handle handle, long id, DeleteOptions options) {
      FlatTaskDeleter.destroy(handle, id, options);
    }

    @Override
    void destroyTasks(Handle handle, List<Long> ids, DeleteOptions options) {
      FlatTaskDeleter.destroyAll(handle, ids, options);
    }

    @Override
    int restoreAllTasks(Handle handle) {
      return FlatTaskRestorer.restoreAll(handle).size();
    }
  };

  static TrackerModels of(TaskLayout layout) {
    return layout.tree() ? TREE : FLAT;
  }

  abstract void destroyProject(Handle handle, long id, DeleteOptions options);

  abstract void restoreProject(Handle handle, long id);

  abstract void destroyTask(Handle handle, long id, DeleteOptions options);

  abstract void destroyTasks(Handle handle, List<Long> ids, DeleteOptions options);

  /** Restores every deleted task whose parents are live; returns how many roots came back. */
  abstract int restoreAllTasks(Handle handle);
}
