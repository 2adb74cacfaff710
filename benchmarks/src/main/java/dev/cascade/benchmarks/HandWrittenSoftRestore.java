package dev.cascade.benchmarks;

import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Soft-delete restore by hand: reads the user's deletion time, then clears it on the rows of the
 * tree that carry the same time (those deleted with the user). Children first, like {@link
 * HandWrittenSoftDelete}: H2 is slow with the other order (see {@link UserTree}).
 */
final class HandWrittenSoftRestore implements Contender {
  private static final List<String> UNMARK =
      List.of(
          "UPDATE likes SET deleted_at = NULL WHERE deleted_at = :at AND comment_id IN ("
              + UserTree.COMMENT_IDS + ")",
          "UPDATE comments SET deleted_at = NULL WHERE deleted_at = :at AND post_id IN ("
              + UserTree.POST_IDS + ")",
          "UPDATE posts SET deleted_at = NULL WHERE user_id = :user AND deleted_at = :at",
          "UPDATE users SET deleted_at = NULL WHERE id = :user AND deleted_at = :at");

  @Override
  public String name() {
    return "hand-written restore UPDATEs (plain FKs)";
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
        database.jdbi().useTransaction(h -> HandWrittenSoftDelete.softDelete(h, userId));
      }

      @Override
      public void run(long userId) {
        database.jdbi().useTransaction(h -> restore(h, userId));
      }
    };
  }

  private static void restore(Handle handle, long userId) {
    LocalDateTime at =
        handle.createQuery("SELECT deleted_at FROM users WHERE id = :user")
            .bind("user", userId)
            .mapTo(LocalDateTime.class)
            .one();
    for (String sql : UNMARK) {
      handle.createUpdate(sql).bind("at", at).bind("user", userId).execute();
    }
  }
}
