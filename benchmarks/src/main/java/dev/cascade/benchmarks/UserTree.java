package dev.cascade.benchmarks;

/**
 * The subqueries hand-written SQL uses to find a user's tree, the user bound as {@code :user}.
 *
 * <p>Nested {@code IN}s, and soft-delete {@code UPDATE}s run children first, as Cascade writes
 * them: with a join subquery, or with parents updated first, H2 evaluated the subquery again for
 * every row an {@code UPDATE} visited, and a soft delete of one 12,201-row tree took 30 s. On
 * PostgreSQL every form runs alike.
 */
final class UserTree {
  static final String POST_IDS = "SELECT id FROM posts WHERE user_id = :user";
  static final String COMMENT_IDS = "SELECT id FROM comments WHERE post_id IN (" + POST_IDS + ")";

  private UserTree() {}
}
