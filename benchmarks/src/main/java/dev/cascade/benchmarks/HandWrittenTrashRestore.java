package dev.cascade.benchmarks;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Trash restore by hand: reads the deletion id of the user's latest trashing, copies that
 * deletion's rows back parents first, then removes them from the trash tables.
 */
final class HandWrittenTrashRestore implements Contender {
  private static final List<String> RESTORE =
      List.of(
          copyBack("users", "id, name, deleted_at"),
          copyBack("posts", "id, user_id, title, deleted_at"),
          copyBack("comments", "id, post_id, body, deleted_at"),
          copyBack("likes", "id, comment_id, deleted_at"),
          "DELETE FROM likes_trash WHERE deletion_id = :deletion",
          "DELETE FROM comments_trash WHERE deletion_id = :deletion",
          "DELETE FROM posts_trash WHERE deletion_id = :deletion",
          "DELETE FROM users_trash WHERE deletion_id = :deletion");

  @Override
  public String name() {
    return "hand-written INSERT ... SELECT back + DELETE (plain FKs)";
  }

  @Override
  public ForeignKeys foreignKeys() {
    return ForeignKeys.NO_ACTION;
  }

  @Override
  public Effect effect() {
    return Effect.RESTORES;
  }

  @Override
  public Operation open(Database database) {
    return new Operation() {
      @Override
      public void prepare(long userId) {
        database.jdbi().useTransaction(h -> HandWrittenTrashDelete.trash(h, userId));
      }

      @Override
      public void run(long userId) {
        database.jdbi().useTransaction(h -> restore(h, userId));
      }
    };
  }

  private static String copyBack(String table, String columns) {
    return "INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + table + "_trash"
        + " WHERE deletion_id = :deletion AND original_table = '" + table + "'";
  }

  private static void restore(Handle handle, long userId) {
    String deletion =
        handle.createQuery(
                "SELECT deletion_id FROM users_trash WHERE id = :user ORDER BY trashed_at DESC LIMIT 1")
            .bind("user", userId)
            .mapTo(String.class)
            .one();
    for (String sql : RESTORE) {
      handle.createUpdate(sql).bind("deletion", deletion).execute();
    }
  }
}
