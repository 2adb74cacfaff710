package dev.cascade.benchmarks;

/**
 * How a project's tasks nest. Task {@code k} of a project ({@code 0 <= k < n}) has a parent index
 * given here, in Java for the expected counts and in SQL for the load, written independently.
 */
enum TaskLayout {
  /** No self relation at all: the {@code Flat} models, whose tasks have no {@code parent_id}. */
  FLAT,
  /** A bushy tree: tasks {@code 0 .. f-1} are top-level, each task has {@code f} subtasks. */
  BUSHY,
  /** Chains: every {@code chainLength}-th task is top-level, the others hang from the one before. */
  CHAIN,
  /** The tree's tables and models, but every task top-level: no subtasks. */
  LEAVES;

  /** Whether the tree models ({@code tasks.parent_id}) are used. */
  boolean tree() {
    return this != FLAT;
  }

  /** The row label, such as {@code bushy task tree (fan-out 4)}. */
  String label(TrackerShape shape) {
    return switch (this) {
      case FLAT -> "tasks without the self relation";
      case BUSHY -> "bushy task tree (fan-out " + shape.fanOut() + ")";
      case CHAIN -> "task chain" + (shape.chainLength() >= shape.tasks() ? " (depth " + shape.tasks() + ")"
          : "s of " + shape.chainLength());
      case LEAVES -> "tree table, no subtasks";
    };
  }

  /** The parent's index of task {@code k}, or -1 for a top-level task. */
  int parent(int k, TrackerShape shape) {
    return switch (this) {
      case FLAT, LEAVES -> -1;
      case BUSHY -> k < shape.fanOut() ? -1 : k / shape.fanOut() - 1;
      case CHAIN -> k % shape.chainLength() == 0 ? -1 : k - 1;
    };
  }

  /**
   * The parent's id of the task with id {@code x} in SQL, for projects of {@code n} tasks with
   * dense ids: project {@code p}'s task {@code k} has id {@code (p - 1) * n + k + 1}.
   */
  String parentSql(String x, int n, TrackerShape shape) {
    String k = "MOD(" + x + " - 1, " + n + ")";
    return switch (this) {
      case FLAT, LEAVES -> "CAST(NULL AS BIGINT)";
      case BUSHY -> "CASE WHEN " + k + " < " + shape.fanOut() + " THEN NULL ELSE " + x + " - 1 - " + k + " + " + k
          + " / " + shape.fanOut() + " END";
      case CHAIN -> "CASE WHEN MOD(" + k + ", " + shape.chainLength() + ") = 0 THEN NULL ELSE " + x + " - 1 END";
    };
  }
}
