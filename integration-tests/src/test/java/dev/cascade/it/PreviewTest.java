package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.drive.Drives;
import dev.cascade.it.drive.FolderDeleter;
import dev.cascade.it.drive.FolderRestorer;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.it.labels.BoardDeleter;
import dev.cascade.it.labels.BoardRestorer;
import dev.cascade.it.labels.Boards;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteRestrictedException;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.IdConflict;
import dev.cascade.runtime.IdTakenException;
import dev.cascade.runtime.NotDeletedException;
import dev.cascade.runtime.ParentStillDeletedException;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.runtime.RestorePreview;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.StatementCounter;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** Previews: what a delete of many ids, or a restore, would do, and what would block it; nothing changes. */
class PreviewTest {
  private static final List<String> TABLES =
      List.of("users", "posts", "comments", "likes", "reactions", "invoices", "sessions", "users_trash", "posts_trash",
          "comments_trash", "likes_trash", "reactions_trash", "cascade_operations");

  /** A trash table joined to a query of keys: {@code posts_trash JOIN (SELECT ...}. */
  private static final Pattern TRASH_JOINED_TO_KEYS = Pattern.compile("\\w+_trash JOIN \\(");

  private static DeleteOptions with(DeleteStrategy strategy) {
    return DeleteOptions.defaults().withStrategy(strategy);
  }

  /** Alice with two posts, each with comments by bob and carol and a like on each comment; bob with a post. */
  private static long[] forum(Handle handle) {
    Forum forum = Forum.on(handle);
    long bob = forum.user("bob");
    long carol = forum.user("carol");
    long alice = forum.tree("alice", 2, 0, 0, bob, bob);
    for (long post : handle.select("SELECT id FROM posts WHERE user_id = ?", alice).mapTo(Long.class).list()) {
      forum.like(forum.comment(post, bob, "bob's"), carol);
      forum.comment(post, carol, "carol's");
    }
    forum.reaction("post", forum.post(bob, "bob's post"), "+1");
    return new long[] {alice, bob, carol};
  }

  /**
   * Board "a": cards a1 and a2, labels x and y, a1 pinning x; board "b": card b1,
   * label z. Tags a1-x, a1-y, a2-x and a1-z and b1-x (across the boards), and b1-z. Deleting
   * "a" removes five tags, a1-x and a2-x reached through both relations; b1-z stays. Returns
   * {@code {a, b1, x}}.
   */
  private static long[] labelled(Handle handle) {
    Boards boards = Boards.on(handle);
    long a = boards.board("a");
    long b = boards.board("b");
    long x = boards.label(a, "x");
    long y = boards.label(a, "y");
    long z = boards.label(b, "z");
    long a1 = boards.card(a, x, "a1");
    long a2 = boards.card(a, null, "a2");
    long b1 = boards.card(b, null, "b1");
    boards.tag(a1, x);
    boards.tag(a1, y);
    boards.tag(a2, x);
    boards.tag(a1, z);
    boards.tag(b1, x);
    boards.tag(b1, z);
    return new long[] {a, b1, x};
  }

  @AllDatabases
  void aJoinTableReachedThroughTwoRelationsIsCountedOnceRowByRowAsEachStrategyRemovesIt(TestDatabase db) {
    Boards.create(db);
    try (Handle handle = db.jdbi().open()) {
      long a = labelled(handle)[0];
      Map<String, Long> removed = Map.of("card_labels", 5L, "cards", 2L, "labels", 2L, "boards", 1L);
      Snapshot before = db.snapshot(Boards.TABLES);
      // PERMANENT last: the others are undone.
      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH, DeleteStrategy.PERMANENT)) {
        DeletePreview preview = BoardDeleter.preview(handle, a, with(strategy));

        assertThat(preview.rowsByTable()).as(strategy.name()).containsExactlyInAnyOrderEntriesOf(removed);
        assertThat(preview.restrictedBy()).as(strategy.name()).isEmpty();
        assertThat(db.snapshot(Boards.TABLES)).as(strategy.name()).isEqualTo(before);
        DeleteResult result = BoardDeleter.destroy(handle, a, with(strategy));
        assertThat(result.rowsByTable()).as(strategy.name()).containsExactlyInAnyOrderEntriesOf(removed);
        if (strategy == DeleteStrategy.PERMANENT) {
          assertThat(handle.select("SELECT COUNT(*) FROM card_labels").mapTo(Long.class).one()).isEqualTo(1L);
        } else {
          BoardRestorer.restore(handle, a);
          assertThat(db.snapshot(Boards.TABLES)).as(strategy.name()).isEqualTo(before);
        }
      }
    }
  }

  @AllDatabases
  void aPinFromOutsideTheCascadeBlocksTheDeleteAndOneInsideItDoesNot(TestDatabase db) {
    Boards.create(db);
    try (Handle handle = db.jdbi().open()) {
      long[] ids = labelled(handle);
      long a = ids[0];
      handle.execute("UPDATE cards SET pinned_label_id = ? WHERE id = ?", ids[2], ids[1]);
      Snapshot before = db.snapshot(Boards.TABLES);
      for (DeleteStrategy strategy : DeleteStrategy.values()) {
        DeletePreview preview = BoardDeleter.preview(handle, a, with(strategy));

        // b1 pins a's label x and blocks; a1 pins x too, but the delete removes a1.
        assertThat(preview.restrictedBy()).as(strategy.name()).containsExactlyEntriesOf(Map.of("cards", 1L));
        assertThatThrownBy(() -> BoardDeleter.destroy(handle, a, with(strategy)))
            .as(strategy.name())
            .isInstanceOf(DeleteRestrictedException.class);
        assertThat(db.snapshot(Boards.TABLES)).as(strategy.name()).isEqualTo(before);
      }
    }
  }

  @AllDatabases
  void previewAllCountsWhatDestroyAllThenDoesAndChangesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long[] users = forum(handle);
      List<Long> ids = List.of(users[0], users[1]);
      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        Snapshot before = db.snapshot(TABLES);

        DeletePreview preview = UserDeleter.previewAll(handle, ids, with(strategy));

        assertThat(db.snapshot(TABLES)).as(strategy.name()).isEqualTo(before);
        DeleteResult result = UserDeleter.destroyAll(handle, ids, with(strategy));
        assertThat(preview.rowsByTable()).as(strategy.name()).isEqualTo(result.rowsByTable());
        assertThat(preview.strategy()).isEqualTo(strategy);
        UserRestorer.restoreOperation(handle, result.deletionId());
      }
    }
  }

  @AllDatabases
  void aRestorePreviewCountsWhatTheRestoreBringsBackParentsFirstAndChangesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = forum(handle)[0];
      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        DeleteResult deleted = UserDeleter.destroy(handle, alice, with(strategy));
        Snapshot before = db.snapshot(TABLES);

        RestorePreview preview = UserRestorer.preview(handle, alice);

        assertThat(db.snapshot(TABLES)).as(strategy.name()).isEqualTo(before);
        assertThat(preview.strategy()).isEqualTo(strategy);
        assertThat(preview.blockedBy()).isEmpty();
        assertThat(preview.rowsByTable()).as(strategy.name())
            .containsExactly(
                Map.entry("users", 1L), Map.entry("posts", 2L), Map.entry("comments", 4L), Map.entry("reactions", 0L),
                Map.entry("likes", 2L));
        assertThat(deleted.rowsByTable()).containsAllEntriesOf(
            Map.of("users", 1L, "posts", 2L, "comments", 4L, "likes", 2L));
        assertThat(preview.totalRows()).isEqualTo(deleted.totalRows());
        UserRestorer.restore(handle, alice);
      }
    }
  }

  /**
   * A preview of a restore of whole operations reads each table's copies as that restore does, by
   * {@code deletion_id} alone, never a trash table joined to the named roots' keys: on PostgreSQL,
   * with the trash tables' statistics from before the delete, that join ran its checks for ids
   * taken as nested loops (a newcomer's kanban trial: 116 s for a preview, 0.7 s for its restore).
   */
  @AllDatabases
  void aTrashPreviewOfWholeOperationsReadsTheTrashByDeletionIdAsItsRestoreDoes(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = forum(handle)[0];
      UserDeleter.destroy(handle, alice, with(DeleteStrategy.TRASH));
      StatementCounter counter = StatementCounter.on(handle);

      RestorePreview preview = UserRestorer.preview(handle, alice);
      List<String> previewed = counter.statements();
      counter.reset();
      UserRestorer.restore(handle, alice);
      List<String> restored = counter.statements();

      assertThat(preview.blockedBy()).isEmpty();
      assertThat(preview.rowsByTable()).containsEntry("comments", 4L).containsEntry("likes", 2L);
      assertThat(previewed).anyMatch(sql -> sql.contains("JOIN comments ON comments.id = cascade_keys.id"));
      for (List<String> statements : List.of(previewed, restored)) {
        assertThat(statements).noneMatch(sql -> TRASH_JOINED_TO_KEYS.matcher(sql).find());
      }
    }
  }

  @AllDatabases
  void aRestorePreviewTellsOfAParentStillDeletedAsTheRestoreWouldFail(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = forum(handle)[0];
      long post = handle.select("SELECT MIN(id) FROM posts WHERE user_id = ?", alice).mapTo(Long.class).one();
      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        PostDeleter.destroy(handle, post, with(strategy));
        DeleteResult user = UserDeleter.destroy(handle, alice, with(strategy));
        Snapshot before = db.snapshot(TABLES);

        RestorePreview preview = PostRestorer.preview(handle, post);

        assertThat(db.snapshot(TABLES)).as(strategy.name()).isEqualTo(before);
        assertThat(preview.strategy()).isEqualTo(strategy);
        assertThat(preview.rowsByTable()).containsEntry("posts", 1L).containsEntry("comments", 2L);
        assertThat(preview.isBlocked()).isTrue();
        assertThat(preview.blockedBy()).get().isInstanceOfSatisfying(ParentStillDeletedException.class, e -> {
          assertThat(e.parentTable()).isEqualTo("users");
          assertThat(((Number) e.parentKey()).longValue()).isEqualTo(alice);
        });
        assertThatThrownBy(() -> PostRestorer.restore(handle, post))
            .isInstanceOf(ParentStillDeletedException.class)
            .hasMessage(preview.blockedBy().get().getMessage());
        UserRestorer.restoreOperation(handle, user.deletionId());
        PostRestorer.restore(handle, post);
      }
    }
  }

  @AllDatabases
  void aTrashRestorePreviewTellsOfATakenIdAsTheRestoreWouldFail(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = forum(handle)[0];
      long post = handle.select("SELECT MIN(id) FROM posts WHERE user_id = ?", alice).mapTo(Long.class).one();
      UserDeleter.destroy(handle, alice, with(DeleteStrategy.TRASH));
      handle.execute("INSERT INTO users (id, name) VALUES (?, 'impostor')", alice);
      RestoreOptions fail = RestoreOptions.defaults().withOnIdConflict(IdConflict.FAIL);
      Snapshot before = db.snapshot(TABLES);

      RestorePreview failing = UserRestorer.preview(handle, alice, fail);
      RestorePreview renewing = UserRestorer.preview(handle, alice);

      assertThat(failing.blockedBy()).get().isInstanceOfSatisfying(IdTakenException.class, e -> {
        assertThat(e.table()).isEqualTo("users");
        assertThat(e.id()).isEqualTo(alice);
      });
      assertThat(renewing.blockedBy()).as("ASSIGN_NEW gives the root a new key").isEmpty();
      assertThat(renewing.rowsByTable()).containsEntry("users", 1L).containsEntry("posts", 2L);
      handle.execute("DELETE FROM users WHERE id = ?", alice);
      handle.execute("INSERT INTO posts (id, user_id, title) VALUES (?, ?, 'squatter')", post, Forum.on(handle).user("taker"));
      assertThat(UserRestorer.preview(handle, alice).blockedBy()).as("a post's id taken: no new key for a post")
          .get().isInstanceOfSatisfying(IdTakenException.class, e -> assertThat(e.table()).isEqualTo("posts"));
      assertThat(db.snapshot(TABLES).rows("users_trash")).isEqualTo(before.rows("users_trash"));
      assertThat(db.snapshot(TABLES).rows("posts_trash")).isEqualTo(before.rows("posts_trash"));
    }
  }

  @AllDatabases
  void aRestorePreviewOfARowThatIsNotDeletedFailsAsTheRestoreWould(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = forum(handle)[0];

      assertThatThrownBy(() -> UserRestorer.preview(handle, alice))
          .isInstanceOf(NotDeletedException.class)
          .isInstanceOf(CascadeException.class)
          .hasMessage("cannot restore users " + alice + ": it is not deleted");
    }
  }

  @AllDatabases
  void aTreeRestorePreviewCountsTheWholeSubtreeTheDeleteRemoved(TestDatabase db) {
    Drives.create(db);
    try (Handle handle = db.jdbi().open()) {
      long drive = Drives.drive(handle, "work");
      long top = Drives.chain(handle, drive, null, 6, "a");
      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        DeleteResult deleted = FolderDeleter.destroy(handle, top, with(strategy));
        Snapshot before = db.snapshot(Drives.TABLES);

        RestorePreview preview = FolderRestorer.preview(handle, top);

        assertThat(db.snapshot(Drives.TABLES)).isEqualTo(before);
        assertThat(preview.rowsByTable()).containsExactly(Map.entry("folders", 11L), Map.entry("documents", 11L));
        assertThat(preview.rowsByTable()).isEqualTo(deleted.rowsByTable());
        FolderRestorer.restore(handle, top);
      }
    }
  }
}
