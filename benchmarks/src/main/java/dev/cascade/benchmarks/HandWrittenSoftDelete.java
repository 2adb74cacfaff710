package dev.cascade.benchmarks;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Soft delete by hand: one set-based {@code UPDATE} per table, one timestamp for the tree, rows
 * already soft-deleted left alone, children first; in one transaction.
 */
final class HandWrittenSoftDelete implements Contender {
  private static final List<String> MARK =
      List.of(
          "UPDATE likes SET deleted_at = :at WHERE deleted_at IS NULL AND comment_id IN ("
              + UserTree.COMMENT_IDS + ")",
          "UPDATE comments SET deleted_at = :at WHERE deleted_at IS NULL AND post_id IN ("
              + UserTree.POST_IDS + ")",
          "UPDATE posts SET deleted_at = :at WHERE user_id = :user AND deleted_at IS NULL",
          "UPDATE users SET deleted_at = :at WHERE id = :user AND deleted_at IS NULL");

  @Override
  public String name() {
    return "hand-written soft-delete UPDATEs (plain FKs)";
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
    return userId -> database.jdbi().useTransaction(h -> softDelete(h, userId));
  }

  /** Marks the user's tree; also the untimed set-up of {@link HandWrittenSoftRestore}. */
  static void softDelete(Handle handle, long userId) {
    LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    for (String sql : MARK) {
      handle.createUpdate(sql).bind("at", at).bind("user", userId).execute();
    }
  }
}
