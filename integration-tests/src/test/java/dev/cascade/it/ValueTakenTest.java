package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.ValueTakenException;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import org.jdbi.v3.core.Handle;

/**
 * A restore that a unique column other than the key refuses, because a live row took the value
 * since the delete, throws a {@link ValueTakenException} naming the table of the row that cannot
 * come back, the root's or one below it, so that callers need not parse the message (a newcomer's
 * shop in trial 23 got a plain {@code CascadeException}). Nothing changes. On every database.
 */
class ValueTakenTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  /** A post title unique among live posts; another post took alice's title since her soft delete. */
  @AllDatabases
  void aSoftRestoreRefusedByAChildsUniqueValueNamesTheChildsTable(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forum.uniqueAmongLiveRows(handle, db.kind(), "posts", "title");
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      forum.post(alice, "launch notes");
      UserDeleter.destroy(handle, alice, SOFT);
      long taken = forum.post(forum.user("bob"), "launch notes");
      Snapshot before = db.snapshot(Forum.TABLES);

      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOfSatisfying(ValueTakenException.class, e -> assertThat(e.table()).isEqualTo("posts"))
          .hasMessageContaining("restoring posts")
          .hasMessageContaining("change or delete that row, or change the soft-deleted row's value");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);

      handle.execute("UPDATE posts SET title = 'launch notes (bob)' WHERE id = ?", taken);
      assertThat(UserRestorer.restore(handle, alice).name()).isEqualTo("alice");
    }
  }

  /** A post title unique in the table; a new post took alice's since her trash. */
  @AllDatabases
  void aTrashRestoreRefusedByAChildsUniqueValueNamesTheChildsTable(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      handle.execute("CREATE UNIQUE INDEX posts_title ON posts (title)");
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long bob = forum.user("bob");
      forum.post(bob, "bob's first");  // so that SQLite does not give the new post alice's post's key
      forum.post(alice, "launch notes");
      UserDeleter.destroy(handle, alice, TRASH);
      long taken = forum.post(bob, "launch notes");
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOfSatisfying(ValueTakenException.class, e -> assertThat(e.table()).isEqualTo("posts"))
          .hasMessageContaining("copying posts back from the trash")
          .hasMessageContaining("or change the restored row's value in its trash table");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);

      handle.execute("UPDATE posts SET title = 'launch notes (bob)' WHERE id = ?", taken);
      assertThat(UserRestorer.restore(handle, alice).name()).isEqualTo("alice");
      assertThat(handle.select("SELECT COUNT(*) FROM posts WHERE title = 'launch notes'").mapTo(Long.class).one()).isEqualTo(1L);
    }
  }
}
