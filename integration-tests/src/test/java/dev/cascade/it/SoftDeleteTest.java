package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.CommentDeleter;
import dev.cascade.it.forum.CommentRestorer;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.ForumOracle;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.User;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.it.projects.ProjectDeleter;
import dev.cascade.it.projects.Projects;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.TransactionConflictException;
import dev.cascade.runtime.ValueTakenException;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.BeforeStatement;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.StatementCounter;
import dev.cascade.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** SOFT deletes and their exact restore, on every database. */
class SoftDeleteTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);

  private record Crossed(long alice, long bob, long carol, long alicePost, long bobOnAlice) {}

  private static Crossed crossedForum(Handle handle) {
    Forum forum = Forum.on(handle);
    long alice = forum.user("alice");
    long bob = forum.user("bob");
    long carol = forum.user("carol");
    long alicePost = forum.post(alice, "alice writes");
    long bobPost = forum.post(bob, "bob writes");
    long aliceOnBob = forum.comment(bobPost, alice, "alice on bob");
    long bobOnAlice = forum.comment(alicePost, bob, "bob on alice");
    long carolOnAlice = forum.comment(alicePost, carol, "carol on alice");
    forum.like(aliceOnBob, bob);
    forum.like(bobOnAlice, carol);
    forum.like(carolOnAlice, alice);
    forum.reaction("post", alicePost, "+1");
    forum.reaction("comment", bobOnAlice, "laugh");
    forum.session(alice, "alice-phone");
    return new Crossed(alice, bob, carol, alicePost, bobOnAlice);
  }

  private static Object marker(Handle handle, String table, long id) {
    return handle.select("SELECT deleted_at FROM " + table + " WHERE id = ?", id).mapTo(java.time.Instant.class).one();
  }

  /**
   * A newcomer's trial: the usual soft-delete pattern, a name unique among live users only; a user
   * soft-deleted, a new user took the name, then the old one restored. The restore fails, changing
   * nothing, saying which value is taken and how to free it (it gave the driver's words alone);
   * freed, it restores. PostgreSQL and SQLite index the live rows ({@code WHERE deleted_at IS
   * NULL}); H2 and MariaDB have no partial index, so a generated column holds the live rows' names.
   */
  @AllDatabases
  void aValueUniqueAmongLiveRowsThatANewRowTookFailsTheRestoreSayingHowToFreeIt(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forum.uniqueAmongLiveRows(handle, db.kind(), "users", "name");
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      forum.post(alice, "hello");
      UserDeleter.destroy(handle, alice, SOFT);
      long newcomer = forum.user("alice");
      Snapshot before = db.snapshot(Forum.TABLES);

      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOfSatisfying(ValueTakenException.class, e -> assertThat(e.table()).isEqualTo("users"))
          .hasMessageContaining("restoring users")
          .hasMessageEndingWith(
              "; a live row holds a value that a restored row needs to be unique: not its key (which this restore"
                  + " checks), a unique column another row took since the delete, such as an email or a slug; free the"
                  + " value (change or delete that row, or change the soft-deleted row's value), then restore again;"
                  + " nothing was changed");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);

      handle.execute("UPDATE users SET name = 'alice (2)' WHERE id = ?", newcomer);
      assertThat(UserRestorer.restore(handle, alice).name()).isEqualTo("alice");
      assertThat(handle.createQuery("SELECT COUNT(*) FROM posts WHERE deleted_at IS NULL").mapTo(Long.class).one()).isEqualTo(1L);
    }
  }

  @AllDatabases
  void softDeleteMarksTheWholeTreeWithOneTimestampAndNothingElse(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Snapshot before = db.snapshot(Forum.TABLES);
      ForumOracle oracle = ForumOracle.softDeleting(before, List.of(forum.alice()));

      DeleteResult result = UserDeleter.destroy(handle, forum.alice(), SOFT);

      Object marker = db.snapshot(Forum.TABLES).rows("users").stream()
          .filter(r -> r.get("id").equals(forum.alice())).findFirst().orElseThrow().get("deleted_at");
      assertThat(marker).isNotNull();
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(oracle.afterSoftDelete(marker));
      assertThat(result.strategy()).isEqualTo(DeleteStrategy.SOFT);
      assertThat(result.deletedCount()).isEqualTo(1);
      assertThat(result.rowsByTable()).containsExactlyEntriesOf(oracle.rowsByTable());
      assertThat(result.nullifiedByTable()).isEmpty();
    }
  }

  @AllDatabases
  void restoringTheAuthorLeavesACommentDeletedEarlierDeletedWithItsOwnTimestamp(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      CommentDeleter.destroy(handle, forum.bobOnAlice(), SOFT);
      Object commentDeletedAt = marker(handle, "comments", forum.bobOnAlice());
      Snapshot afterCommentDeleted = db.snapshot(Forum.TABLES);

      UserDeleter.destroy(handle, forum.alice(), SOFT);
      assertThat(marker(handle, "comments", forum.bobOnAlice())).isEqualTo(commentDeletedAt);
      User back = UserRestorer.restore(handle, forum.alice());

      assertThat(back.id()).isEqualTo(forum.alice());
      assertThat(back.deletedAt()).isNull();
      assertThat(marker(handle, "comments", forum.bobOnAlice())).isEqualTo(commentDeletedAt);
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(afterCommentDeleted);
    }
  }

  @AllDatabases
  void aSoftCascadeRestoresToExactlyTheRowsAndValuesItStartedFrom(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Snapshot before = db.snapshot(Forum.TABLES);

      UserDeleter.destroyAll(handle, List.of(forum.alice(), forum.carol()), SOFT);
      assertThat(db.snapshot(Forum.TABLES)).isNotEqualTo(before);
      List<User> back = UserRestorer.restoreAll(handle);

      assertThat(back).extracting(User::id).containsExactlyInAnyOrder(forum.alice(), forum.carol());
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
    }
  }

  /**
   * A post that another transaction soft-deletes (its user's delete, say) after this delete of the
   * post marked the post's comments and before it marks the post: simulated in the delete's own
   * transaction. The delete fails as a conflict and changes nothing, rather than keep the comments
   * under an operation that holds no post, which no restore would then bring back (a newcomer's
   * trial, two instances at READ COMMITTED).
   */
  @AllDatabases
  void aPostSoftDeletedByAnotherTransactionBetweenItsCommentsAndItFailsTheDeleteAsAConflict(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long post = forum.post(alice, "hello");
      forum.comment(post, alice, "first");
      Snapshot before = db.snapshot(Forum.TABLES);
      BeforeStatement.once(handle, "UPDATE posts SET deleted_at", () -> handle
          .createUpdate("UPDATE posts SET deleted_at = :at WHERE id = :id")
          .bind("at", Instant.parse("2026-01-01T00:00:00Z"))
          .bind("id", post)
          .execute());

      assertThatThrownBy(() -> PostDeleter.destroy(handle, post, DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT)))
          .isInstanceOf(TransactionConflictException.class)
          .hasMessageContaining("deleting posts " + post + " with SOFT: it reached rows below them, then another"
              + " transaction deleted or soft-deleted them before this delete could, so nothing was changed: retry");
      BeforeStatement.stop(handle);
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
    }
  }

  @AllDatabases
  void restoringAPostWhoseAuthorIsStillDeletedFailsAndChangesNothing(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      PostDeleter.destroy(handle, forum.alicePost(), SOFT);
      UserDeleter.destroy(handle, forum.alice(), SOFT);
      Snapshot before = db.snapshot(Forum.TABLES);

      assertThatThrownBy(() -> PostRestorer.restore(handle, forum.alicePost()))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("posts " + forum.alicePost())
          .hasMessageContaining("users " + forum.alice() + ", which is still deleted");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
    }
  }

  /** Several rows whose parent is still deleted: the message speaks of one of them (a trial read "its" for two). */
  @AllDatabases
  void restoringPostsWhoseUserIsDeletedSinceSaysOneOfThemHasItsParentDeleted(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      long second = Forum.on(handle).post(forum.alice(), "second");
      DeleteResult posts = PostDeleter.destroyAll(handle, List.of(forum.alicePost(), second), SOFT);
      UserDeleter.destroy(handle, forum.alice(), SOFT);
      Snapshot before = db.snapshot(Forum.TABLES);

      assertThatThrownBy(() -> PostRestorer.restoreOperation(handle, posts.deletionId()))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining(": the parent of one of them, users " + forum.alice() + ", which is still deleted");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
    }
  }

  @AllDatabases
  void restoringAUserWhoseCommentSitsOnAPostDeletedSinceFailsClearly(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      UserDeleter.destroy(handle, forum.bob(), SOFT);
      PostDeleter.destroy(handle, forum.alicePost(), SOFT);
      Snapshot before = db.snapshot(Forum.TABLES);

      assertThatThrownBy(() -> UserRestorer.restore(handle, forum.bob()))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("rows of comments deleted with it belong to posts " + forum.alicePost());
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);

      PostRestorer.restore(handle, forum.alicePost());
      UserRestorer.restore(handle, forum.bob());
      assertThat(handle.select("SELECT COUNT(*) FROM comments WHERE deleted_at IS NOT NULL").mapTo(Long.class).one())
          .isZero();
    }
  }

  @AllDatabases
  void restoringARowThatIsNotDeletedOrDoesNotExistFails(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Snapshot before = db.snapshot(Forum.TABLES);

      assertThatThrownBy(() -> UserRestorer.restore(handle, forum.alice()))
          .isInstanceOf(CascadeException.class)
          .hasMessage("cannot restore users " + forum.alice() + ": it is not deleted");
      assertThatThrownBy(() -> UserRestorer.restore(handle, 424_242L))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("users 424242: it is not soft-deleted, and this connection sees no trash table users_trash");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
    }
  }

  @AllDatabases
  void aModelWithoutTheColumnCannotBeSoftDeleted(TestDatabase db) {
    Projects.create(db);
    try (Handle handle = db.jdbi().open()) {
      long project = Projects.on(handle).project("website");
      Snapshot before = db.snapshot(Projects.TABLES);

      assertThatThrownBy(() -> ProjectDeleter.destroy(handle, project, SOFT))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("projects cannot be deleted with SOFT")
          .hasMessageContaining(
              "these tables of its cascade have no soft-delete column of a time type: tasks (deleted_at),"
                  + " sections (deleted_at), projects (deleted_at); add the column or choose another strategy");
      assertThat(db.snapshot(Projects.TABLES)).isEqualTo(before);
    }
  }

  @AllDatabases
  void theGeneratedConditionHidesSoftDeletedRowsInYourOwnQueries(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      UserDeleter.destroy(handle, forum.alice(), SOFT);

      List<String> visible =
          handle.createQuery("SELECT name FROM users WHERE " + UserDeleter.NOT_DELETED + " ORDER BY name")
              .mapTo(String.class)
              .list();

      assertThat(visible).containsExactly("bob", "carol");
    }
  }

  @AllDatabases
  void softDeleteAndRestoreRunAsManyStatementsForFourRowsAsForAThousand(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long reader = forum.user("reader");
      long small = forum.tree("small", 1, 1, 1, reader, reader);
      long large = forum.tree("large", 10, 10, 9, reader, reader);
      StatementCounter counter = StatementCounter.on(handle);

      UserDeleter.destroy(handle, small, SOFT);
      int deleteSmall = counter.count();
      counter.reset();
      UserDeleter.destroy(handle, large, SOFT);
      int deleteLarge = counter.count();
      counter.reset();
      UserRestorer.restore(handle, small);
      int restoreSmall = counter.count();
      counter.reset();
      UserRestorer.restore(handle, large);
      int restoreLarge = counter.count();

      assertThat(deleteLarge).isEqualTo(deleteSmall);
      assertThat(restoreLarge).isEqualTo(restoreSmall);
      // Delete: the journal row, 1 RESTRICT check, 7 relations marked (likes x2, reactions x2, comments x2,
      // posts), users, the journal's counts.
      // Restore: 1 lookup, the parent checks in one query, the roots locked, one statement per table
      // (5), 1 load, the journal's operations and their new state.
      assertThat(Map.of("soft delete", deleteSmall, "soft restore", restoreSmall))
          .containsEntry("soft delete", 11)
          .containsEntry("soft restore", 11);
    }
  }
}
