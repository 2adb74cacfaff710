package dev.cascade.benchmarks;

/**
 * The subqueries hand-written SQL uses to find a user's tree, as an engineer would write them
 * for this one schema: a join rather than nested {@code IN}s, the user bound as {@code :user}.
 */
final class UserTree {
  static final String POST_IDS = "SELECT id FROM posts WHERE user_id = :user";
  static final String COMMENT_IDS =
      "SELECT c.id FROM comments c JOIN posts p ON p.id = c.post_id WHERE p.user_id = :user";

  private UserTree() {}
}
