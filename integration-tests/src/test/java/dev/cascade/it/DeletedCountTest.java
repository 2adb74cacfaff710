package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.drive.Drives;
import dev.cascade.it.drive.FolderDeleter;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.keys.workspace.PageDeleter;
import dev.cascade.it.keys.workspace.Workspaces;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * {@code deletedCount}: the rows the call names that it deletes, 1 or 0 for {@code destroy}, never
 * the rows of their cascades (those are {@code rowsByTable}), trees included.
 */
class DeletedCountTest {
  private static final long UNKNOWN = 987_654L;

  private static DeleteOptions with(DeleteStrategy strategy) {
    return DeleteOptions.defaults().withStrategy(strategy);
  }

  @AllDatabases
  void destroyCountsTheNamedRowOnceAndZeroOnceItIsGone(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      for (DeleteStrategy strategy : DeleteStrategy.values()) {
        long user = Forum.on(handle).tree(strategy.name(), 2, 2, 0, Forum.on(handle).user("commenter"), 0);

        DeleteResult first = UserDeleter.destroy(handle, user, with(strategy));
        DeleteResult again = UserDeleter.destroy(handle, user, with(strategy));

        assertThat(first.deletedCount()).as(strategy.name()).isEqualTo(1);
        assertThat(first.rowsByTable()).as(strategy.name()).containsEntry("posts", 2L).containsEntry("users", 1L);
        assertThat(again.deletedCount()).as("%s of a row %s already", strategy, strategy == DeleteStrategy.SOFT
            ? "soft-deleted" : "gone").isZero();
        assertThat(again.totalRows()).as(strategy.name()).isZero();
        assertThat(UserDeleter.destroy(handle, UNKNOWN, with(strategy)).deletedCount()).isZero();
      }
    }
  }

  @AllDatabases
  void destroyAllCountsTheNamedRowsItDeletesAndLeavesOutTheOthers(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      for (DeleteStrategy strategy : DeleteStrategy.values()) {
        Forum forum = Forum.on(handle);
        long alice = forum.user("alice");
        long bob = forum.user("bob");
        long carol = forum.user("carol");
        forum.post(alice, "a");
        UserDeleter.destroy(handle, carol, with(strategy));

        DeleteResult result = UserDeleter.destroyAll(handle, List.of(alice, UNKNOWN, bob, carol), with(strategy));

        assertThat(result.deletedCount()).as(strategy.name()).isEqualTo(2);
        assertThat(result.rowsByTable()).as(strategy.name()).containsEntry("users", 2L).containsEntry("posts", 1L);
      }
    }
  }

  @AllDatabases
  void aTreeRootCountsOneWhateverItsSubtreeAndTwoNamedInOneTreeCountTwo(TestDatabase db) {
    Drives.create(db);
    try (Handle handle = db.jdbi().open()) {
      long drive = Drives.drive(handle, "work");
      for (DeleteStrategy strategy : DeleteStrategy.values()) {
        long top = Drives.chain(handle, drive, null, 5, strategy + "-a");
        long other = Drives.chain(handle, drive, null, 5, strategy + "-b");
        long below = handle.select("SELECT id FROM folders WHERE name = ?", strategy + "-b-2").mapTo(Long.class).one();

        DeleteResult one = FolderDeleter.destroy(handle, top, with(strategy));
        DeleteResult two = FolderDeleter.destroyAll(handle, List.of(other, below), with(strategy));

        assertThat(one.deletedCount()).as(strategy.name()).isEqualTo(1);
        assertThat(one.rowsByTable()).as(strategy.name()).containsEntry("folders", 9L).containsEntry("documents", 9L);
        assertThat(two.deletedCount()).as("%s of a top and a folder below it", strategy).isEqualTo(2);
        assertThat(two.rowsByTable()).as(strategy.name()).containsEntry("folders", 9L);
      }
    }
  }

  @AllDatabases
  void aSoftDeletedTreeRootCountsZeroAndItsSubtreeStaysAsItWas(TestDatabase db) {
    Drives.create(db);
    try (Handle handle = db.jdbi().open()) {
      long drive = Drives.drive(handle, "work");
      long top = Drives.chain(handle, drive, null, 4, "a");
      FolderDeleter.destroy(handle, top, with(DeleteStrategy.SOFT));
      Snapshot before = db.snapshot(Drives.TABLES);

      DeleteResult again = FolderDeleter.destroy(handle, top, with(DeleteStrategy.SOFT));

      assertThat(again.deletedCount()).isZero();
      assertThat(db.snapshot(Drives.TABLES)).isEqualTo(before);
    }
  }

  @AllDatabases
  void aTreeRootWithUuidKeysCountsOne(TestDatabase db) {
    Workspaces.create(db);
    try (Handle handle = db.jdbi().open()) {
      UUID workspace = Workspaces.workspace(handle, "w");
      for (DeleteStrategy strategy : DeleteStrategy.values()) {
        UUID top = Workspaces.chain(handle, workspace, null, 4, strategy.name());

        DeleteResult result = PageDeleter.destroy(handle, top, with(strategy));

        assertThat(result.deletedCount()).as(strategy.name()).isEqualTo(1);
        assertThat(result.rowsByTable()).as(strategy.name()).containsEntry("pages", 7L).containsEntry("blocks", 7L);
      }
    }
  }
}
