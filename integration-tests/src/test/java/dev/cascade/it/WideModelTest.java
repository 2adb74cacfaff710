package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.wide.WorkspaceDeleter;
import dev.cascade.it.wide.WorkspaceRestorer;
import dev.cascade.it.wide.Workspaces;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import org.jdbi.v3.core.Handle;

/**
 * A wide, deep model (ten tables, a folder tree, a polymorphic child, a join table): its {@code
 * WorkspaceRestorer} has SQL constants longer than a class file holds one, which it joins when the
 * class loads. Before, javac stopped in the generated source with "constant string too long".
 */
class WideModelTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  /** Two workspaces; a member of the first wrote a document of the second. Returns the first. */
  private static long twoWorkspaces(Handle handle) {
    long acme = Workspaces.seed(handle, "acme", null);
    Workspaces.seed(handle, "other", Workspaces.member(handle, "ann@acme"));
    return acme;
  }

  @AllDatabases
  void trashingAndRestoringAWorkspaceBringsBackEveryRowItMoved(TestDatabase db) {
    Workspaces.create(db);
    try (Handle handle = db.jdbi().open()) {
      long acme = twoWorkspaces(handle);
      Long guest = Workspaces.member(handle, "ann@acme");
      Snapshot before = db.snapshot(Workspaces.TABLES);
      // The trash unlinks the other workspace's document by acme's member (SET_NULL), and a
      // restore from the trash does not link it again (README, "Where the design document is silent").
      Snapshot expected =
          before.with(
              "ws_documents", row -> "guest".equals(row.get("title")) && guest.equals(row.get("author_id")), "author_id", null);

      WorkspaceDeleter.destroy(handle, acme, TRASH);

      Snapshot trashed = db.snapshot(Workspaces.TABLES);
      for (String table : Workspaces.LIVE) {
        int moved = before.rows(table).size() - trashed.rows(table).size();
        assertThat(moved).as(table).isPositive();
        assertThat(trashed.rows(table + "_trash")).as(table).hasSize(moved);
      }
      assertThat(trashed.rows("ws_documents")).filteredOn(row -> "guest".equals(row.get("title")))
          .extracting(row -> row.get("author_id")).containsOnlyNulls();

      WorkspaceRestorer.restore(handle, acme);

      assertThat(db.snapshot(Workspaces.TABLES)).isEqualTo(expected);
      assertThat(expected).isNotEqualTo(before);
    }
  }

  @AllDatabases
  void softDeletingAndRestoringAWorkspaceLeavesEveryRowAsItWas(TestDatabase db) {
    Workspaces.create(db);
    try (Handle handle = db.jdbi().open()) {
      long acme = twoWorkspaces(handle);
      Snapshot before = db.snapshot(Workspaces.TABLES);

      WorkspaceDeleter.destroy(handle, acme);

      Snapshot marked = db.snapshot(Workspaces.TABLES);
      for (String table : Workspaces.LIVE) {
        assertThat(marked.rows(table)).as(table).anyMatch(row -> row.get("deleted_at") != null);
        assertThat(marked.rows(table + "_trash")).as(table).isEmpty();
      }

      WorkspaceRestorer.restore(handle, acme);

      assertThat(db.snapshot(Workspaces.TABLES)).isEqualTo(before);
    }
  }
}
