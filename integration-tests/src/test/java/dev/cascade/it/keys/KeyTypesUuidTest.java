package dev.cascade.it.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.it.keys.workspace.Page;
import dev.cascade.it.keys.workspace.PageDeleter;
import dev.cascade.it.keys.workspace.PageRestorer;
import dev.cascade.it.keys.workspace.Workspace;
import dev.cascade.it.keys.workspace.WorkspaceDeleter;
import dev.cascade.it.keys.workspace.WorkspaceRestorer;
import dev.cascade.it.keys.workspace.Workspaces;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.ParentStillDeletedException;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * UUID keys and foreign keys, three levels deep with a tree in the middle: workspaces, their page
 * trees, the pages' blocks; invites unlinked with a null UUID.
 */
class KeyTypesUuidTest extends KeyTypesContract<UUID> {

  @Override
  KeyedShape shape() {
    return Workspaces.SHAPE;
  }

  @Override
  String rootTable() {
    return "workspaces";
  }

  @Override
  void create(TestDatabase db) {
    Workspaces.create(db);
  }

  /** {@code alpha}'s tree has a leaf page soft-deleted on its own before. */
  @Override
  Fixture<UUID> fill(Handle handle) {
    UUID alpha = Workspaces.workspace(handle, "alpha");
    UUID top = Workspaces.chain(handle, alpha, null, 3, "a");
    Workspaces.chain(handle, alpha, top, 2, "a-nested");
    Workspaces.page(handle, alpha, null, "a-alone");
    Workspaces.invite(handle, alpha, "ann@example.com");
    Workspaces.invite(handle, alpha, "al@example.com");
    PageDeleter.destroy(handle, Workspaces.pageTitled(handle, "a-leaf-2"), SOFT);
    UUID beta = Workspaces.workspace(handle, "beta");
    Workspaces.chain(handle, beta, null, 2, "b");
    Workspaces.invite(handle, beta, "bo@example.com");
    UUID gamma = Workspaces.workspace(handle, "gamma");
    Workspaces.chain(handle, gamma, null, 2, "g");
    Workspaces.invite(handle, gamma, "gil@example.com");
    return new Fixture<>(alpha, beta, gamma);
  }

  @Override
  List<UUID> fillMany(Handle handle, int count) {
    return Workspaces.many(handle, count, "many-");
  }

  @Override
  DeleteResult destroy(Handle handle, UUID id, DeleteOptions options) {
    return WorkspaceDeleter.destroy(handle, id, options);
  }

  @Override
  DeleteResult destroyAll(Handle handle, List<UUID> ids, DeleteOptions options) {
    return WorkspaceDeleter.destroyAll(handle, ids, options);
  }

  @Override
  DeletePreview preview(Handle handle, UUID id) {
    return WorkspaceDeleter.preview(handle, id);
  }

  @Override
  UUID restore(Handle handle, UUID id, RestoreOptions options) {
    return WorkspaceRestorer.restore(handle, id, options).id();
  }

  @Override
  List<UUID> restoreAll(Handle handle, RestoreOptions options) {
    return WorkspaceRestorer.restoreAll(handle, options).stream().map(Workspace::id).toList();
  }

  @Override
  void takeRootKey(Handle handle, UUID id) {
    handle.execute("INSERT INTO workspaces (id, name) VALUES (?, 'took the id')", id);
  }

  @Override
  Taken takeKeyBelow(Handle handle, Fixture<UUID> fixture) {
    UUID page = handle.select("SELECT id FROM pages_trash WHERE title = 'a-1'").mapTo(UUID.class).one();
    handle.execute("INSERT INTO pages (id, workspace_id, title) VALUES (?, ?, 'took the id')", page, fixture.bystander());
    return new Taken("pages", page.toString());
  }

  @AllDatabases
  void assignNewIsRefusedForAUuidKey(TestDatabase db) {
    assignNewIsRefusedForAKeyTheDatabaseDoesNotGenerate(db, "DELETE FROM workspaces WHERE id = ?");
  }

  /** Two workspaces of page trees, nothing deleted yet: {@code a} 4 deep with a tree nested in it, {@code b}. */
  private static void forest(Handle handle) {
    UUID alpha = Workspaces.workspace(handle, "alpha");
    UUID top = Workspaces.chain(handle, alpha, null, 4, "a");
    Workspaces.chain(handle, alpha, top, 2, "a-nested");
    UUID beta = Workspaces.workspace(handle, "beta");
    Workspaces.chain(handle, beta, null, 3, "b");
  }

  @AllDatabases
  void aSubtreeOfUuidPagesGoesAndComesBackInEachStrategy(TestDatabase db) {
    Workspaces.create(db, true);
    try (Handle handle = db.jdbi().open()) {
      forest(handle);
      UUID middle = Workspaces.pageTitled(handle, "a-1");
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      Snapshot beforeLive = db.snapshot(shape().tables());
      CascadeOracle soft = CascadeOracle.softDeleting(shape(), before, "pages", List.of(middle));
      CascadeOracle removing = CascadeOracle.deleting(shape(), before, "pages", List.of(middle));
      assertThat(removing.reached("pages")).hasSize(5);

      DeleteResult softResult = PageDeleter.destroy(handle, middle, SOFT);
      Snapshot softened = db.snapshot(shape().tablesWithTrash());
      Object marker = softened.rows("pages").stream()
          .filter(r -> middle.toString().equals(CascadeOracle.text(r.get("id")))).findFirst().orElseThrow().get("deleted_at");
      assertThat(softened).isEqualTo(soft.marked(before, marker));
      assertThat(nonZero(softResult.rowsByTable())).isEqualTo(soft.rowsByTable());
      assertThat(PageRestorer.restore(handle, middle).id()).isEqualTo(middle);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      DeleteResult trashResult = PageDeleter.destroy(handle, middle, TRASH);
      assertThat(db.snapshot(shape().tables())).isEqualTo(removing.removed(beforeLive));
      removing.assertTrashHolds(db.snapshot(shape().trashTables()), trashResult.deletionId());
      Page back = PageRestorer.restore(handle, middle);
      assertThat(back.id()).isEqualTo(middle);
      assertThat(back.title()).isEqualTo("a-1");
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      DeletePreview preview = PageDeleter.preview(handle, middle);
      assertThat(nonZero(preview.rowsByTable())).isEqualTo(removing.rowsByTable());
      DeleteResult permanent = PageDeleter.destroy(handle, middle, PERMANENT);
      assertThat(nonZero(permanent.rowsByTable())).isEqualTo(removing.rowsByTable());
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(removing.removed(before));
    }
  }

  @AllDatabases
  void twoSubtreesInOneCallAndRestoreAllOfPages(TestDatabase db) {
    Workspaces.create(db, true);
    try (Handle handle = db.jdbi().open()) {
      forest(handle);
      List<UUID> two = List.of(Workspaces.pageTitled(handle, "a-nested-0"), Workspaces.pageTitled(handle, "b-0"));
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      Snapshot beforeLive = db.snapshot(shape().tables());
      CascadeOracle removing = CascadeOracle.deleting(shape(), before, "pages", two);

      DeleteResult trashResult = PageDeleter.destroyAll(handle, two, TRASH);
      assertThat(db.snapshot(shape().tables())).isEqualTo(removing.removed(beforeLive));
      removing.assertTrashHolds(db.snapshot(shape().trashTables()), trashResult.deletionId());
      assertThat(PageRestorer.restoreAll(handle)).extracting(Page::id).containsExactlyInAnyOrderElementsOf(two);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      PageDeleter.destroyAll(handle, two, SOFT);
      assertThat(PageRestorer.restoreAll(handle)).extracting(Page::id).containsExactlyInAnyOrderElementsOf(two);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      PageDeleter.destroyAll(handle, two, PERMANENT);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(removing.removed(before));
    }
  }

  @AllDatabases
  void moreThanAThousandTreeTopsInOneCallInEachStrategy(TestDatabase db) {
    Workspaces.create(db, true);
    try (Handle handle = db.jdbi().open()) {
      UUID space = Workspaces.workspace(handle, "big");
      Workspaces.chain(handle, space, null, 3, "kept");
      List<UUID> tops = Workspaces.manyTops(handle, space, MANY, "top-");
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      Snapshot beforeLive = db.snapshot(shape().tables());
      CascadeOracle soft = CascadeOracle.softDeleting(shape(), before, "pages", tops);
      CascadeOracle removing = CascadeOracle.deleting(shape(), before, "pages", tops);
      assertThat(removing.reached("pages")).hasSize(2 * MANY);

      PageDeleter.destroyAll(handle, tops, SOFT);
      Snapshot softened = db.snapshot(shape().tablesWithTrash());
      Object marker = softened.rows("pages").stream()
          .filter(r -> tops.get(0).toString().equals(CascadeOracle.text(r.get("id")))).findFirst().orElseThrow().get("deleted_at");
      assertThat(softened).isEqualTo(soft.marked(before, marker));
      assertThat(PageRestorer.restoreAll(handle)).extracting(Page::id).containsExactlyInAnyOrderElementsOf(tops);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      DeleteResult trashResult = PageDeleter.destroyAll(handle, tops, TRASH);
      assertThat(db.snapshot(shape().tables())).isEqualTo(removing.removed(beforeLive));
      removing.assertTrashHolds(db.snapshot(shape().trashTables()), trashResult.deletionId());
      assertThat(PageRestorer.restoreAll(handle)).extracting(Page::id).containsExactlyInAnyOrderElementsOf(tops);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      DeleteResult permanent = PageDeleter.destroyAll(handle, tops, PERMANENT);
      assertThat(nonZero(permanent.rowsByTable())).isEqualTo(removing.rowsByTable());
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(removing.removed(before));
    }
  }

  /**
   * Pages of {@code beta} hang below a page of {@code alpha}: trashing {@code alpha} takes them too
   * (the tree reaches them, not their workspace), and restoring it, by id or as its operation, a
   * restore of the whole operation, puts back and empties from the trash exactly those rows. On H2
   * its purge once found the pages through their workspace alone, left these two in the trash and
   * refused the restore.
   */
  @AllDatabases
  void pagesOfAnotherWorkspaceBelowThisOnesGoAndComeBackWithIt(TestDatabase db) {
    Workspaces.create(db, true);
    try (Handle handle = db.jdbi().open()) {
      UUID alpha = Workspaces.workspace(handle, "alpha");
      Workspaces.chain(handle, alpha, null, 3, "a");
      UUID beta = Workspaces.workspace(handle, "beta");
      Workspaces.chain(handle, beta, null, 2, "b");
      Workspaces.chain(handle, beta, Workspaces.pageTitled(handle, "a-1"), 2, "crossing");
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      Snapshot beforeLive = db.snapshot(shape().tables());
      CascadeOracle removing = CascadeOracle.deleting(shape(), before, "workspaces", List.of(alpha));
      assertThat(removing.reached("pages")).as("alpha's 5 pages and the 3 of beta below them").hasSize(8);

      DeleteResult byId = WorkspaceDeleter.destroy(handle, alpha, TRASH);
      assertThat(db.snapshot(shape().tables())).isEqualTo(removing.removed(beforeLive));
      removing.assertTrashHolds(db.snapshot(shape().trashTables()), byId.deletionId());
      assertThat(WorkspaceRestorer.restore(handle, alpha).id()).isEqualTo(alpha);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      DeleteResult operation = WorkspaceDeleter.destroy(handle, alpha, TRASH);
      assertThat(WorkspaceRestorer.restoreOperation(handle, operation.deletionId())).extracting(Workspace::id).containsExactly(alpha);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      WorkspaceDeleter.destroy(handle, alpha, SOFT);
      assertThat(WorkspaceRestorer.restore(handle, alpha).id()).isEqualTo(alpha);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);
    }
  }

  /**
   * A page of this workspace below a page of another below a page of this one (a user's reply to a
   * reply to their own comment): both of this workspace's pages are tops, and the page between
   * them goes with the upper one. SQLite and PostgreSQL check a foreign key when the statement
   * ends, so the rows below the tops must go no earlier than the tops below them.
   */
  @AllDatabases
  void aPageOfThisWorkspaceBelowAnothersBelowThisOnesGoesWithBothAndComesBack(TestDatabase db) {
    Workspaces.create(db, true);
    try (Handle handle = db.jdbi().open()) {
      UUID alpha = Workspaces.workspace(handle, "alpha");
      Workspaces.chain(handle, alpha, null, 1, "a");
      UUID beta = Workspaces.workspace(handle, "beta");
      UUID between = Workspaces.chain(handle, beta, Workspaces.pageTitled(handle, "a-0"), 1, "between");
      Workspaces.chain(handle, alpha, between, 2, "back");
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      Snapshot beforeLive = db.snapshot(shape().tables());
      CascadeOracle removing = CascadeOracle.deleting(shape(), before, "workspaces", List.of(alpha));
      assertThat(removing.reached("pages")).as("alpha's 4 pages and beta's one between them").hasSize(5);

      DeleteResult trashed = WorkspaceDeleter.destroy(handle, alpha, TRASH);
      assertThat(db.snapshot(shape().tables())).isEqualTo(removing.removed(beforeLive));
      removing.assertTrashHolds(db.snapshot(shape().trashTables()), trashed.deletionId());
      assertThat(WorkspaceRestorer.restore(handle, alpha).id()).isEqualTo(alpha);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      WorkspaceDeleter.destroy(handle, alpha, SOFT);
      assertThat(WorkspaceRestorer.restore(handle, alpha).id()).isEqualTo(alpha);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      WorkspaceDeleter.destroy(handle, alpha, PERMANENT);
      assertThat(db.snapshot(shape().tables())).isEqualTo(removing.removed(beforeLive));
    }
  }

  /**
   * Every page of a workspace is a top of its tree (reached by {@code workspace_id}), nested in
   * each other with random keys: on H2 and MariaDB, which check a foreign key row by row, a trash
   * restore must copy them back each after the page it hangs below.
   */
  @AllDatabases
  void aTrashedWorkspaceComesBackWithItsNestedPagesUnderTheirForeignKey(TestDatabase db) {
    Workspaces.create(db, true);
    try (Handle handle = db.jdbi().open()) {
      UUID alpha = Workspaces.workspace(handle, "alpha");
      for (int i = 0; i < 5; i++) {
        Workspaces.chain(handle, alpha, Workspaces.chain(handle, alpha, null, 3, "t" + i), 3, "n" + i);
      }
      Snapshot before = db.snapshot(shape().tablesWithTrash());

      WorkspaceDeleter.destroy(handle, alpha, TRASH);
      WorkspaceRestorer.restore(handle, alpha);

      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);
    }
  }

  /**
   * A page deleted on its own, then its workspace by another delete: restoring the page is refused,
   * naming the workspace's delete by its UUID key, and following the message brings both back.
   */
  @AllDatabases
  void aPageRefusedForItsWorkspaceNamesTheWorkspacesDelete(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      UUID alpha = Workspaces.workspace(handle, "alpha");
      UUID page = Workspaces.chain(handle, alpha, null, 2, "a");
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      for (DeleteOptions strategy : List.of(TRASH, SOFT)) {
        PageDeleter.destroy(handle, page, strategy);
        DeleteResult workspace = WorkspaceDeleter.destroy(handle, alpha, strategy);

        assertThatThrownBy(() -> PageRestorer.restore(handle, page))
            .isInstanceOfSatisfying(ParentStillDeletedException.class, e -> {
              assertThat(e.parentTable()).isEqualTo("workspaces");
              assertThat(CascadeOracle.text(e.parentKey())).isEqualTo(alpha.toString());
              assertThat(e.parentDeletionId()).contains(workspace.deletionId());
            });
        WorkspaceRestorer.restoreOperation(handle, workspace.deletionId());
        PageRestorer.restore(handle, page);
        assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);
      }
    }
  }
}
