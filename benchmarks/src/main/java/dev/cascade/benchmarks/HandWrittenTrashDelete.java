package dev.cascade.benchmarks;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Trash by hand, into the same trash tables Cascade uses: per table, children first, an {@code
 * INSERT ... SELECT} into its trash table and a {@code DELETE} of the same rows; in one
 * transaction.
 */
final class HandWrittenTrashDelete implements Contender {
  private static final String LIKES = "comment_id IN (" + UserTree.COMMENT_IDS + ")";
  private static final String COMMENTS = "post_id IN (" + UserTree.POST_IDS + ")";
  private static final String POSTS = "user_id = :user";
  private static final String USERS = "id = :user";

  private static final List<String> MOVE =
      List.of(
          copy("likes", "id, comment_id, deleted_at", LIKES),
          "DELETE FROM likes WHERE " + LIKES,
          copy("comments", "id, post_id, body, deleted_at", COMMENTS),
          "DELETE FROM comments WHERE " + COMMENTS,
          copy("posts", "id, user_id, title, deleted_at", POSTS),
          "DELETE FROM posts WHERE " + POSTS,
          copy("users", "id, name, deleted_at", USERS),
          "DELETE FROM users WHERE " + USERS);

  @Override
  public String name() {
    return "hand-written INSERT ... SELECT + DELETE (plain FKs)";
  }

  @Override
  public ForeignKeys foreignKeys() {
    return ForeignKeys.NO_ACTION;
  }

  @Override
  public Effect effect() {
    return Effect.DELETES;
  }

  @Override
  public Operation open(Database database) {
    return userId -> database.jdbi().useTransaction(h -> trash(h, userId));
  }

  private static String copy(String table, String columns, String where) {
    return "INSERT INTO " + table + "_trash (" + columns + ", trashed_at, original_table, deletion_id)"
        + " SELECT " + columns + ", :at, '" + table + "', :deletion FROM " + table + " WHERE " + where;
  }

  /** Moves the user's tree to the trash; also the untimed set-up of {@link HandWrittenTrashRestore}. */
  static void trash(Handle handle, long userId) {
    LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    String deletion = UUID.randomUUID().toString();
    for (String sql : MOVE) {
      handle.createUpdate(sql)
          .bind("at", at)
          .bind("deletion", deletion)
          .bind("user", userId)
          .execute();
    }
  }
}
