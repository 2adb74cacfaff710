package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Comment;
import dev.cascade.it.forum.CommentDeleter;
import dev.cascade.it.forum.CommentRestorer;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.ForumOracle;
import dev.cascade.it.forum.Post;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.User;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.IdConflict;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.ParentStillDeletedException;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.runtime.TrashTables;
import dev.cascade.runtime.TransactionConflictException;
import dev.cascade.runtime.ValueTakenException;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.BeforeStatement;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.StatementCounter;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Assumptions;

/** TRASH deletes and their exact restore, on every database. */
class TrashTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  record Crossed(long alice, long bob, long alicePost, long bobOnAlice) {}

  static Crossed crossedForum(Handle handle) {
    Forum forum = Forum.on(handle);
    long alice = forum.user("alice");
    long bob = forum.user("bob");
    long alicePost = forum.post(alice, "alice writes");
    long bobPost = forum.post(bob, "bob writes");
    long aliceOnBob = forum.comment(bobPost, alice, "alice on bob");
    long bobOnAlice = forum.comment(alicePost, bob, "bob on alice");
    forum.comment(alicePost, alice, "alice on alice");
    forum.like(aliceOnBob, bob);
    forum.like(bobOnAlice, alice);
    forum.reaction("post", alicePost, "+1");
    forum.reaction("comment", bobOnAlice, "laugh");
    forum.session(alice, "alice-phone");
    return new Crossed(alice, bob, alicePost, bobOnAlice);
  }

  @AllDatabases
  void trashMovesTheTreeIntoTrashTablesWithOneDeletionId(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Snapshot before = db.snapshot(Forum.TABLES);
      ForumOracle oracle = ForumOracle.deleting(before, List.of(forum.alice()));

      DeleteResult result = UserDeleter.destroy(handle, forum.alice(), TRASH);

      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(oracle.afterPermanentDelete());
      assertThat(result.strategy()).isEqualTo(DeleteStrategy.TRASH);
      assertThat(result.rowsByTable()).containsExactlyEntriesOf(oracle.rowsByTable());
      Snapshot trash = db.snapshot(List.of("users_trash", "posts_trash", "comments_trash", "likes_trash", "reactions_trash"));
      for (String table : List.of("users", "posts", "comments", "likes", "reactions")) {
        List<Map<String, Object>> rows = trash.rows(table + "_trash");
        assertThat(rows).as(table).hasSize(oracle.rowsByTable().get(table).intValue());
        assertThat(rows).allSatisfy(row -> {
          assertThat(row.get("deletion_id")).isEqualTo(result.deletionId());
          assertThat(row.get("original_table")).isEqualTo(table);
          assertThat(row.get("trashed_at")).isNotNull();
        });
        List<Map<String, Object>> copied =
            rows.stream().map(r -> withoutTrashColumns(r)).toList();
        assertThat(copied).as(table).containsExactlyInAnyOrderElementsOf(
            before.rows(table).stream().filter(r -> copied.stream().anyMatch(c -> c.get("id").equals(r.get("id")))).toList());
      }
    }
  }

  private static Map<String, Object> withoutTrashColumns(Map<String, Object> row) {
    Map<String, Object> copy = new java.util.TreeMap<>(row);
    copy.keySet().removeAll(List.of("trashed_at", "original_table", "deletion_id"));
    return copy;
  }

  @AllDatabases
  void restoreFromTheTrashGivesBackExactlyWhatTheDeleteRemoved(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      handle.execute("UPDATE sessions SET user_id = NULL");
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      UserDeleter.destroy(handle, forum.alice(), TRASH);
      User back = UserRestorer.restore(handle, forum.alice());

      assertThat(back).isEqualTo(new User(forum.alice(), "alice", null));
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  /**
   * Another instance brings the root back and soft-deletes it again (or gives its key to a new row
   * it soft-deletes) after this restore checked the key and before its insert: a conflict to retry,
   * not a unique column to free (a newcomer's trial, two instances at READ COMMITTED). SQLite has
   * one writer, so no other transaction can commit in between there.
   */
  @AllDatabases
  void aRootKeyTakenByASoftDeletedRowAfterTheCheckIsAConflict(TestDatabase db) {
    Assumptions.assumeTrue(db.kind() != DatabaseKind.SQLITE, "SQLite has one writer");
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open(); Handle other = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      UserDeleter.destroy(handle, forum.alice(), TRASH);
      Snapshot trashed = db.snapshot(Forum.TABLES_WITH_TRASH);
      BeforeStatement.once(handle, "INSERT INTO users", () -> other
          .createUpdate("INSERT INTO users (id, name, deleted_at) VALUES (:id, 'alice again', :at)")
          .bind("id", forum.alice())
          .bind("at", java.time.Instant.parse("2026-01-01T00:00:00Z"))
          .execute());

      assertThatThrownBy(() -> UserRestorer.restore(handle, forum.alice()))
          .isInstanceOf(TransactionConflictException.class)
          .hasMessageContaining("users " + forum.alice() + " came back while this restore ran");
      BeforeStatement.stop(handle);
      other.execute("DELETE FROM users WHERE id = ?", forum.alice());
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(trashed);
    }
  }

  /**
   * Another transaction trashes a soft-deleted root just before this restore looks for it among
   * the soft-deleted rows, and restores it just before this restore looks in the trash: at READ
   * COMMITTED neither look finds it. That is a conflict to retry, not a row "deleted PERMANENTLY"
   * (a newcomer's trial, on PostgreSQL); the retry restores it. SQLite has one writer.
   */
  @AllDatabases
  void aRootMovedBetweenTheSoftDeletedRowsAndTheTrashWhileTheRestoreLookedIsAConflict(TestDatabase db) {
    Assumptions.assumeTrue(db.kind() != DatabaseKind.SQLITE, "SQLite has one writer");
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open(); Handle other = db.jdbi().open()) {
      long alice = crossedForum(handle).alice();
      handle.execute("UPDATE sessions SET user_id = NULL"); // the trash below unlinks them for good
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      UserDeleter.destroy(handle, alice, DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));
      BeforeStatement.once(handle, "SELECT id, deleted_at FROM users WHERE", () -> {
        UserDeleter.destroy(other, alice, TRASH);
        BeforeStatement.once(handle, "SELECT users_trash.id, users_trash.deletion_id, users_trash.trashed_at FROM", () -> UserRestorer.restore(other, alice));
      });

      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOf(TransactionConflictException.class)
          .hasMessageEndingWith("nothing was changed: retry");
      BeforeStatement.stop(handle);
      UserRestorer.restore(handle, alice);

      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  @AllDatabases
  void keysGeneratedAlwaysComeBackWithTheirValuesAndAKeyTakenMeanwhileGetsANewOne(TestDatabase db) {
    Forum.createWithTrashAndAlwaysGeneratedKeys(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      handle.execute("UPDATE sessions SET user_id = NULL");
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      UserDeleter.destroy(handle, forum.alice(), TRASH);
      UserRestorer.restore(handle, forum.alice());

      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
      long post = forum.alicePost();
      PostDeleter.destroy(handle, post, TRASH);
      // The key is taken by a row inserted as such a table allows: with OVERRIDING SYSTEM VALUE.
      String overriding =
          db.kind() == DatabaseKind.POSTGRESQL || db.kind() == DatabaseKind.H2 ? " OVERRIDING SYSTEM VALUE" : "";
      handle.execute(
          "INSERT INTO posts (id, user_id, title)" + overriding + " VALUES (?, ?, 'taken')", post, forum.bob());
      Post back = PostRestorer.restore(handle, post);

      assertThat(back.id()).isNotEqualTo(post);
      assertThat(handle.select("SELECT COUNT(*) FROM comments WHERE post_id = ?", back.id()).mapTo(Long.class).one())
          .isEqualTo(before.rows("comments").stream().filter(c -> c.get("post_id").equals(post)).count());
    }
  }

  @AllDatabases
  void aNotNullColumnTheRecordLeavesOutFailsTheRestoreSayingSoAndChangesNothing(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      // likes gains a column that no component of Like names, takes no null and has no default.
      handle.execute("DROP TABLE likes");
      handle.execute(
          db.kind().ddl(
              "CREATE TABLE likes (id ${id}, comment_id BIGINT NOT NULL, user_id BIGINT NOT NULL,"
                  + " weight INT NOT NULL, deleted_at ${timestamp})"));
      TrashTables.ddl(handle, UserDeleter.schema()).forEach(handle::execute);
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long comment = forum.comment(forum.post(alice, "hello"), alice, "hi");
      handle.execute("INSERT INTO likes (comment_id, user_id, weight) VALUES (?, ?, 3)", comment, alice);
      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema()))
          .contains(
              "column likes.weight is not in the model, so a TRASH delete would not keep it: a restore would fail, as"
                  + " it takes no null and has no default; add it to the record");
      UserDeleter.destroy(handle, alice, TRASH);
      Snapshot trashed = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("copying likes back from the trash")
          .hasMessageContaining(
              "A trash table keeps only the columns the record names, so a column the record leaves out comes back"
                  + " null: name every column of the table in its record (SchemaCheck lists those missing),"
                  + " and to bring back rows trashed without it, give the column a default first; nothing was changed");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(trashed);
    }
  }

  /**
   * A newcomer's second week: a column added to a table and its record after rows were trashed.
   * The schema check and the trash DDL add it to the trash table; the rows trashed before hold null
   * in it, which the table takes no null for, so the check names the update that gives them a value
   * (the column's default), and a restore before it says so rather than blaming a column the record
   * leaves out. The trash DDL writes that update too where the column has a default (here not on
   * SQLite, which cannot give an existing column one). Here the trash table loses the column, the
   * same state from the other side.
   */
  @AllDatabases
  void aColumnATrashTableLacksIsAddedAndTheRowsTrashedBeforeItAreGivenAValue(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      forum.comment(forum.post(alice, "hello"), alice, "hi");
      UserDeleter.destroy(handle, alice, TRASH);
      handle.execute("ALTER TABLE posts_trash DROP COLUMN title");
      if (db.kind() != DatabaseKind.SQLITE) {
        handle.execute("ALTER TABLE posts ALTER COLUMN title SET DEFAULT 'untitled'");
      }

      List<String> problems = SchemaCheck.problems(handle, true, UserDeleter.schema());
      String add = "; add it: ";
      String then = ", then give the rows trashed before it a value, as posts.title takes no null and a restore"
          + " copies the trash's: ";
      assertThat(problems).singleElement().satisfies(problem -> assertThat(problem)
          .startsWith("trash table posts_trash has no column title" + add + "ALTER TABLE posts_trash ADD COLUMN title")
          .contains(then + "UPDATE posts_trash SET title = ")
          .endsWith(" WHERE title IS NULL"));
      String problem = problems.get(0);
      String alter = problem.substring(problem.indexOf(add) + add.length(), problem.indexOf(then));
      String update = problem.substring(problem.indexOf(then) + then.length());
      // The trash DDL gives the rows trashed before the column's default, where it has one.
      assertThat(TrashTables.ddl(handle, UserDeleter.schema()))
          .isEqualTo(db.kind() == DatabaseKind.SQLITE ? List.of(alter) : List.of(alter, update));
      update = update.replace("= ...", "= 'untitled'");
      handle.execute(alter);
      // Without the update, the check names the nulls the restore below fails on.
      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema())).singleElement().satisfies(p -> assertThat(p)
          .startsWith("trash table posts_trash has rows that hold null in title, but posts.title takes no null")
          .endsWith("; give them a value: " + problem.substring(problem.indexOf(then) + then.length())));
      Snapshot trashed = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("copying posts back from the trash")
          .hasMessageContaining(
              "The record names posts.title, but rows in posts_trash hold null in it: rows trashed before the column"
                  + " was added to the trash table (or made NOT NULL), or by a build whose record did not name it,"
                  + " have none, and a restore copies the trash's null, not the column's default; give them a value (UPDATE posts_trash SET title = ... WHERE"
                  + " title IS NULL), then restore again; nothing was changed")
          .message().as("H2 writes the statement into its message; the cause keeps it").doesNotContain("INSERT");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(trashed);

      handle.execute(update);
      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema())).isEmpty();
      UserRestorer.restore(handle, alice);
      assertThat(handle.createQuery("SELECT title FROM posts").mapTo(String.class).list()).containsExactly("untitled");
    }
  }

  /**
   * A newcomer's trial: a user trashed, a new user signed up with the same unique name, then the
   * old one restored. The restore fails, changing nothing, saying which value is taken and how to
   * free it, rather than with the driver's words alone; freed, it restores.
   */
  @AllDatabases
  void aUniqueValueANewRowTookFailsTheRestoreSayingHowToFreeIt(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      handle.execute("CREATE UNIQUE INDEX users_name ON users (name)");
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      forum.user("bob");   // so that SQLite does not give the newcomer alice's key
      forum.post(alice, "hello");
      UserDeleter.destroy(handle, alice, TRASH);
      long newcomer = forum.user("alice");
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOfSatisfying(ValueTakenException.class, e -> assertThat(e.table()).isEqualTo("users"))
          .hasMessageContaining("copying users back from the trash")
          .hasMessageContaining(
              "; a live row holds a value that a restored row needs to be unique: not its key (which this restore"
                  + " checks), a unique column another row took since the delete, such as an email or a slug; free the"
                  + " value (change or delete that row, or change the restored row's value in its trash table), then"
                  + " restore again; nothing was changed");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);

      handle.execute("UPDATE users SET name = 'alice (2)' WHERE id = ?", newcomer);
      assertThat(UserRestorer.restore(handle, alice).name()).isEqualTo("alice");
    }
  }

  @AllDatabases
  void aRowSoftDeletedBeforeTheTrashComesBackSoftDeleted(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      handle.execute("DELETE FROM sessions");
      PostDeleter.destroy(handle, forum.alicePost(), DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      UserDeleter.destroy(handle, forum.alice(), TRASH);
      UserRestorer.restore(handle, forum.alice());

      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  @AllDatabases
  void aReusedIdGetsANewKeyAndItsChildrenFollowIt(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      PostDeleter.destroy(handle, forum.alicePost(), TRASH);
      handle.execute("INSERT INTO posts (id, user_id, title) VALUES (?, ?, 'took the id')", forum.alicePost(), forum.bob());

      Post back = PostRestorer.restore(handle, forum.alicePost());

      assertThat(back.id()).isNotEqualTo(forum.alicePost());
      assertThat(back.title()).isEqualTo("alice writes");
      assertThat(handle.select("SELECT COUNT(*) FROM comments WHERE post_id = ?", back.id()).mapTo(Long.class).one())
          .isEqualTo(2);
      assertThat(handle.select("SELECT COUNT(*) FROM comments WHERE post_id = ?", forum.alicePost()).mapTo(Long.class).one())
          .isZero();
      assertThat(handle.select("SELECT subject_id FROM reactions WHERE subject_type = 'post' AND emoji = '+1'").mapTo(Long.class).one())
          .isEqualTo(back.id());
      assertThat(handle.select("SELECT subject_id FROM reactions WHERE subject_type = 'comment'").mapTo(Long.class).one())
          .isEqualTo(forum.bobOnAlice());
      assertThat(handle.select("SELECT title FROM posts WHERE id = ?", forum.alicePost()).mapTo(String.class).one())
          .isEqualTo("took the id");
      assertThat(handle.select("SELECT COUNT(*) FROM posts_trash").mapTo(Long.class).one()).isZero();
    }
  }

  @AllDatabases
  void aReusedIdWithIdConflictFailChangesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      PostDeleter.destroy(handle, forum.alicePost(), TRASH);
      handle.execute("INSERT INTO posts (id, user_id, title) VALUES (?, ?, 'took the id')", forum.alicePost(), forum.bob());
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(
              () -> PostRestorer.restore(handle, forum.alicePost(), RestoreOptions.defaults().withOnIdConflict(IdConflict.FAIL)))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("cannot restore posts " + forum.alicePost())
          .hasMessageContaining("IdConflict.ASSIGN_NEW");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  @AllDatabases
  void aMissingTrashTableFailsTheDeleteAndChangesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      handle.execute("DROP TABLE likes_trash");
      Snapshot before = db.snapshot(Forum.TABLES);

      assertThatThrownBy(() -> UserDeleter.destroy(handle, forum.alice(), TRASH))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("deleting users " + forum.alice() + " with TRASH: the trash table likes_trash of likes does"
              + " not exist, so nothing was deleted; create it with TrashTables.ddl(handle, ...)");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
    }
  }

  /**
   * A table the model names that does not exist (a newcomer's trial misspelt @Table) is named as
   * such, not as a missing trash table, whose DDL would then fail. With its trash table missing
   * too, PostgreSQL names only the trash table and its failed transaction cannot be asked more, so
   * there the message says that TrashTables.ddl tells whether the table itself exists.
   */
  @AllDatabases
  void aTableThatDoesNotExistIsNamedAsSuch(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      handle.execute("ALTER TABLE likes RENAME TO liked");
      Snapshot before = db.snapshot(List.of("users", "posts", "comments", "liked"));

      assertThatThrownBy(() -> UserDeleter.destroy(handle, forum.alice(), TRASH))
          .isInstanceOf(CascadeException.class)
          .hasMessageStartingWith(
              "deleting users " + forum.alice() + " with TRASH: the table likes does not exist, so nothing was deleted;"
                  + " check the name in @Table");
      assertThat(db.snapshot(List.of("users", "posts", "comments", "liked"))).isEqualTo(before);

      handle.execute("DROP TABLE likes_trash");
      assertThatThrownBy(() -> UserDeleter.destroy(handle, forum.alice(), TRASH))
          .isInstanceOf(CascadeException.class)
          .hasMessageStartingWith(
              db.kind() == DatabaseKind.POSTGRESQL
                  ? "deleting users " + forum.alice() + " with TRASH: the trash table likes_trash of likes does not exist,"
                      + " so nothing was deleted; create it with TrashTables.ddl(handle, ...), which also says whether"
                      + " likes itself exists (a misspelt @Table)"
                  : "deleting users " + forum.alice() + " with TRASH: the table likes does not exist");
      assertThat(db.snapshot(List.of("users", "posts", "comments", "liked"))).isEqualTo(before);
    }
  }

  @AllDatabases
  void restoringAPostWhoseAuthorIsInTheTrashFails(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      PostDeleter.destroy(handle, forum.alicePost(), TRASH);
      UserDeleter.destroy(handle, forum.alice(), TRASH);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> PostRestorer.restore(handle, forum.alicePost()))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("its parent users " + forum.alice() + ", which is still deleted");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);

      UserRestorer.restore(handle, forum.alice());
      PostRestorer.restore(handle, forum.alicePost());
      assertThat(handle.select("SELECT COUNT(*) FROM comments").mapTo(Long.class).one()).isEqualTo(3);
    }
  }

  /**
   * Two users deleted by one destroyAll hold each other's rows: neither comes back alone, and the
   * refusal says how both come back (a newcomer's trial followed "restore that row first" in a
   * circle). From a soft delete and from the trash.
   */
  @AllDatabases
  void usersDeletedTogetherAreRefusedOneByOneSayingToRestoreTheOperation(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        Crossed forum = crossedForum(handle);
        // Without sessions: a TRASH delete unlinks them for good (SET_NULL).
        List<String> cascade = List.of("users", "posts", "comments", "likes", "reactions");
        Snapshot start = db.snapshot(cascade);
        DeleteResult deleted =
            UserDeleter.destroyAll(handle, List.of(forum.alice(), forum.bob()), DeleteOptions.defaults().withStrategy(strategy));
        Snapshot after = db.snapshot(Forum.TABLES_WITH_TRASH);

        assertThatThrownBy(() -> UserRestorer.restore(handle, forum.alice()))
            .as(strategy.name())
            .isInstanceOfSatisfying(ParentStillDeletedException.class,
                e -> assertThat(e.parentDeletionId()).contains(deleted.deletionId()))
            .hasMessageContaining("restore that operation first, with the users restorer's restoreOperation(handle, \""
                + deleted.deletionId() + "\") (where it deleted this too, that brings both back)");
        assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(after);

        assertThat(UserRestorer.restoreOperation(handle, deleted.deletionId())).extracting(User::id)
            .containsExactlyInAnyOrder(forum.alice(), forum.bob());
        assertThat(db.snapshot(cascade)).as(strategy.name()).isEqualTo(start);
      }
    }
  }

  @AllDatabases
  void aPostTrashedAfterItsUserWasSoftDeletedComesBackSoftDeletedThenWithTheUser(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Snapshot start = db.snapshot(Forum.TABLES);
      UserDeleter.destroy(handle, forum.alice(), DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));
      Snapshot softDeleted = db.snapshot(Forum.TABLES);
      PostDeleter.destroy(handle, forum.alicePost(), TRASH);

      Post back = PostRestorer.restore(handle, forum.alicePost());

      assertThat(back.deletedAt()).isNotNull();
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(softDeleted);
      UserRestorer.restore(handle, forum.alice());
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(start);
    }
  }

  /**
   * The other order: the user's soft delete undone first, while the post is in the trash, then the
   * trash. The post comes back live, as it would in the order above, not soft-deleted by the user's
   * restored operation, where nothing would find it (a newcomer's trial found such rows after two
   * instances deleted and undid at random); the restore that finds every row runs no more statements.
   */
  @AllDatabases
  void aPostTrashedAfterItsUserWasSoftDeletedComesBackLiveWhenTheUserWasRestoredFirst(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Snapshot start = db.snapshot(Forum.TABLES);
      DeleteResult soft = UserDeleter.destroy(handle, forum.alice(), DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));
      PostDeleter.destroy(handle, forum.alicePost(), TRASH);

      UserRestorer.restore(handle, forum.alice());
      assertThat(Journal.find(handle, soft.deletionId()).orElseThrow().state()).isEqualTo(OperationState.RESTORED);
      assertThat(handle.select("SELECT COUNT(*) FROM posts_trash WHERE deleted_at IS NOT NULL").mapTo(Long.class).one())
          .as("the trash copies no longer carry the restored soft delete's marker").isZero();
      Post back = PostRestorer.restore(handle, forum.alicePost());

      assertThat(back.deletedAt()).isNull();
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(start);
    }
  }

  /**
   * The same beside a root of another operation: a restore of every soft-deleted comment brings
   * back one whose soft delete it restores whole, and one from a soft delete made with the
   * journal turned off. The first one's like, trashed with its user since, loses the marker
   * however many likes the other root brought back (the model-based run found such a like kept
   * hidden, once the other root's likes made the restore look as if it had found them all).
   */
  @AllDatabases
  void aSoftDeleteRestoredWholeBesideAnotherRootUnmarksItsRowsInTheTrash(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long bob = forum.user("bob");
      long carol = forum.user("carol");
      long post = forum.post(bob, "bob writes");
      long aliceOnBob = forum.comment(post, alice, "alice on bob");
      long bobOnBob = forum.comment(post, bob, "bob on bob");
      forum.like(aliceOnBob, carol);
      forum.like(bobOnBob, alice);
      Snapshot start = db.snapshot(Forum.TABLES);
      DeleteOptions soft = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
      handle.getConfig(CascadeConfig.class).setJournalTable(null);
      CommentDeleter.destroy(handle, bobOnBob, soft);
      handle.getConfig(CascadeConfig.class).setJournalTable(CascadeConfig.DEFAULT_JOURNAL_TABLE);
      DeleteResult whole = CommentDeleter.destroy(handle, aliceOnBob, soft);
      UserDeleter.destroy(handle, carol, TRASH);

      assertThat(CommentRestorer.restoreAll(handle)).extracting(Comment::id).containsExactlyInAnyOrder(aliceOnBob, bobOnBob);

      assertThat(Journal.find(handle, whole.deletionId()).orElseThrow().state()).isEqualTo(OperationState.RESTORED);
      assertThat(handle.select("SELECT COUNT(*) FROM likes_trash WHERE deleted_at IS NOT NULL").mapTo(Long.class).one())
          .as("carol's like, trashed with her, no longer carries the restored soft delete's marker").isZero();
      UserRestorer.restore(handle, carol);
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(start);
    }
  }

  @AllDatabases
  void aPostTrashedWhileLiveDoesNotComeBackUnderASoftDeletedUser(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      PostDeleter.destroy(handle, forum.alicePost(), TRASH);
      UserDeleter.destroy(handle, forum.alice(), DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> PostRestorer.restore(handle, forum.alicePost()))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("its parent users " + forum.alice() + ", which is still deleted");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  /**
   * One call that brings back a row live and, from another operation, its parent soft-deleted:
   * bob's comment on alice's post, trashed with bob, and alice soft-deleted, then trashed, so that
   * her post comes back soft-deleted. Restoring both in one {@code restoreAll} is refused, as
   * restoring bob alone is, where it left the comment live under the soft-deleted post (found by
   * the concurrency run: live comments and likes under soft-deleted posts and users). Undone in
   * order, everything comes back.
   */
  @AllDatabases
  void aRowComingBackLiveIsRefusedUnderAParentTheSameCallBringsBackSoftDeleted(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      handle.execute("DELETE FROM sessions");
      Snapshot start = db.snapshot(Forum.TABLES_WITH_TRASH);
      UserDeleter.destroy(handle, forum.bob(), TRASH);
      UserDeleter.destroy(handle, forum.alice(), DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));
      UserDeleter.destroy(handle, forum.alice(), TRASH);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> UserRestorer.restoreAll(handle))
          .isInstanceOf(ParentStillDeletedException.class)
          .hasMessageContaining("belong to posts " + forum.alicePost() + ", which is still deleted");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
      assertThatThrownBy(() -> UserRestorer.restore(handle, forum.bob()))
          .isInstanceOf(ParentStillDeletedException.class);

      assertThat(UserRestorer.restore(handle, forum.alice()).deletedAt()).as("back from the trash, soft-deleted").isNotNull();
      assertThat(UserRestorer.restore(handle, forum.alice()).deletedAt()).isNull();
      assertThat(UserRestorer.restoreAll(handle)).extracting(User::id).containsExactly(forum.bob());
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(start);
    }
  }

  /**
   * A soft restore takes its marker off the rows a trash took since, so that undoing the trash
   * brings them back live: not while that trash holds their other parent soft-deleted. Bob's
   * comment on Alice's post is soft-deleted with Alice; Bob is soft-deleted, then trashed with the
   * comment. Restoring Alice is refused, as it would be with the comment out of the trash, where it
   * left the comment's copy unmarked and Bob's trash restore brought it back live under Bob,
   * soft-deleted (found by the concurrency run). Bob first, then Alice, brings everything back.
   */
  @AllDatabases
  void aSoftRestoreIsRefusedWhileARowATrashTookSinceHasAnotherParentDeleted(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      handle.execute("DELETE FROM sessions");
      Snapshot start = db.snapshot(Forum.TABLES_WITH_TRASH);
      DeleteOptions soft = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
      UserDeleter.destroy(handle, forum.alice(), soft);
      UserDeleter.destroy(handle, forum.bob(), soft);
      DeleteResult bobsTrash = UserDeleter.destroy(handle, forum.bob(), TRASH);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> UserRestorer.restore(handle, forum.alice()))
          .isInstanceOfSatisfying(ParentStillDeletedException.class,
              e -> assertThat(e.parentDeletionId()).as("the trash that holds Bob").contains(bobsTrash.deletionId()))
          .hasMessageContaining("deleted with it were trashed since with users " + forum.bob()
              + ", which that trash holds soft-deleted by another delete")
          .hasMessageContaining("from the trash, operation " + bobsTrash.deletionId() + ": restoreOperation(handle, \""
              + bobsTrash.deletionId() + "\"), then from its soft delete");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);

      assertThat(UserRestorer.restore(handle, forum.bob()).deletedAt()).as("back from the trash, soft-deleted").isNotNull();
      assertThat(UserRestorer.restore(handle, forum.bob()).deletedAt()).isNull();
      assertThat(UserRestorer.restore(handle, forum.alice()).deletedAt()).isNull();
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(start);
    }
  }

  @AllDatabases
  void restoreAllBringsBackEveryTrashedUserWithItsOwnTree(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      handle.execute("DELETE FROM sessions");
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      UserDeleter.destroy(handle, forum.alice(), TRASH);
      UserDeleter.destroy(handle, forum.bob(), TRASH);

      List<User> back = UserRestorer.restoreAll(handle);

      assertThat(back).extracting(User::id).containsExactlyInAnyOrder(forum.alice(), forum.bob());
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  /**
   * A restore of whole operations finds each table's rows by deletion id alone; restoring one root
   * of a destroyAll picks that root's rows out of the operation through their parents. Both are
   * exact, and the other root's rows stay in the trash until their own restore.
   */
  @AllDatabases
  void restoringPartOfAnOperationPicksItsRootsRowsAndTheRestComesBackWhole(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long bob = forum.user("bob");
      forum.like(forum.comment(forum.post(alice, "alice writes"), alice, "alice on alice"), alice);
      forum.like(forum.comment(forum.post(bob, "bob writes"), bob, "bob on bob"), bob);
      Snapshot before = db.snapshot(Forum.TABLES);
      UserDeleter.destroyAll(handle, List.of(alice, bob), TRASH);
      Snapshot trashed = db.snapshot(Forum.TABLES);
      StatementCounter counter = StatementCounter.on(handle);

      UserRestorer.restore(handle, bob);

      assertThat(insertInto(counter, "posts"))
          .as("bob alone of the operation: his posts through him")
          .contains("(user_id, deletion_id) IN (");
      assertThat(handle.select("SELECT name FROM users").mapTo(String.class).list()).containsExactly("bob");
      counter.reset();

      UserRestorer.restore(handle, alice);

      assertThat(insertInto(counter, "posts"))
          .as("alice is all that is left of the operation: every post it trashed, by deletion id")
          .doesNotContain("(user_id, deletion_id) IN (")
          .contains("deletion_id IN (");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
      assertThat(trashed).isNotEqualTo(before);
    }
  }

  private static String insertInto(StatementCounter counter, String table) {
    return counter.statements().stream().filter(s -> s.startsWith("INSERT INTO " + table + " ")).findFirst().orElseThrow();
  }

  @AllDatabases
  void trashAndRestoreRunAsManyStatementsForFourRowsAsForAThousand(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long reader = forum.user("reader");
      long small = forum.tree("small", 1, 1, 1, reader, reader);
      long large = forum.tree("large", 10, 10, 9, reader, reader);
      StatementCounter counter = StatementCounter.on(handle);

      UserDeleter.destroy(handle, small, TRASH);
      int deleteSmall = counter.count();
      counter.reset();
      UserDeleter.destroy(handle, large, TRASH);
      int deleteLarge = counter.count();
      counter.reset();
      UserRestorer.restore(handle, small);
      int restoreSmall = counter.count();
      counter.reset();
      UserRestorer.restore(handle, large);
      int restoreLarge = counter.count();

      assertThat(deleteLarge).isEqualTo(deleteSmall);
      assertThat(restoreLarge).isEqualTo(restoreSmall);
      // Delete: the journal row, 1 RESTRICT check, 1 SET_NULL, then copy + delete per relation: 8 relations
      // into 5 tables, the journal's counts.
      // Restore: soft lookup, trash lookup, whether it restores whole operations, the parent checks in one
      // query, the root ids taken, 5 inserts, 5 purges, 1 load, the journal's operations and their state.
      // The other ids taken are looked for only when an insert fails on a key.
      assertThat(Map.of("trash", deleteSmall, "trash restore", restoreSmall))
          .containsEntry("trash", 20)
          .containsEntry("trash restore", 18);
    }
  }
}
