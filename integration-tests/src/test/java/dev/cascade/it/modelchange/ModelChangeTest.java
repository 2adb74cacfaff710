package dev.cascade.it.modelchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.MovingClock;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.OperationNotRestorableException;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Inserts;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Operations undone by another build of the application, whose model reaches fewer of their tables
 * than the model that made them: an older build beside this one in a rolling deploy, which does not
 * know the books yet, and a later one that made the books {@code SET_NULL}. Restores refuse them and
 * purges leave them, each saying why and changing nothing of them; they used to be marked restored
 * or purged with the books left deleted for good (a newcomer's trial: 128 rows so in 30 s of two
 * builds side by side).
 */
class ModelChangeTest {
  private static final List<String> TABLES = List.of("shelves", "books", "shelves_trash", "books_trash");
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final PurgeOptions THIRTY_DAYS = PurgeOptions.olderThan(Duration.ofDays(30));
  private static final Class<?>[] BY_ID = {Handle.class, long.class};
  private static final Class<?>[] BY_OPERATION = {Handle.class, String.class};
  private static final Class<?>[] PURGE = {Handle.class, PurgeOptions.class};
  private static OtherBuild older;
  private static OtherBuild unlinked;

  /** The build that does not know the books, compiled once. */
  private static synchronized OtherBuild older() {
    if (older == null) {
      older = OtherBuild.compile("older");
    }
    return older;
  }

  /** The build whose shelves leave their books and unlink them, compiled once. */
  private static synchronized OtherBuild unlinked() {
    if (unlinked == null) {
      unlinked = OtherBuild.compile("unlinked");
    }
    return unlinked;
  }

  private static void create(TestDatabase db) {
    db.createSchema(
        List.of(
            "CREATE TABLE shelves (id ${id}, name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE books (id ${id}, shelf_id BIGINT, title VARCHAR(100) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (shelf_id) REFERENCES shelves (id))"));
    db.jdbi().useHandle(h -> {
      Journal.ddl(Dialect.of(h)).forEach(h::execute);
      TrashTables.ddl(h, ShelfDeleter.schema()).forEach(h::execute);
    });
  }

  /** A shelf with this many books. */
  private static long shelf(Handle handle, String name, int books) {
    long shelf = Inserts.returningId(handle, "INSERT INTO shelves (name) VALUES (?)", name);
    for (int i = 0; i < books; i++) {
      handle.execute("INSERT INTO books (shelf_id, title) VALUES (?, ?)", shelf, name + " " + i);
    }
    return shelf;
  }

  /**
   * Fiction, soft-deleted with its 2 books, and poetry, trashed with its 1, by this build; {@code
   * start} is every table before.
   */
  private record Deleted(long fiction, long poetry, DeleteResult soft, DeleteResult trash, Snapshot start) {}

  private static Deleted deleted(TestDatabase db, Handle handle) {
    long fiction = shelf(handle, "fiction", 2);
    long poetry = shelf(handle, "poetry", 1);
    Snapshot start = db.snapshot(TABLES);
    DeleteResult soft = ShelfDeleter.destroy(handle, fiction, SOFT);
    DeleteResult trash = ShelfDeleter.destroy(handle, poetry, TRASH);
    return new Deleted(fiction, poetry, soft, trash, start);
  }

  private static OperationState state(Handle handle, DeleteResult delete) {
    return Journal.find(handle, delete.deletionId()).orElseThrow().state();
  }

  @AllDatabases
  void anOlderBuildRefusesToRestoreWhatThisOneDeletedWithRowsItDoesNotKnow(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Deleted deleted = deleted(db, handle);
      long fiction = deleted.fiction();
      DeleteResult soft = deleted.soft();
      DeleteResult trash = deleted.trash();
      Snapshot before = db.snapshot(TABLES);
      OtherBuild older = older();

      assertThatThrownBy(() -> older.call("ShelfRestorer", "restore", BY_ID, handle, fiction))
          .isInstanceOfSatisfying(OperationNotRestorableException.class, e -> {
            assertThat(e.reason()).isEqualTo(OperationNotRestorableException.Reason.MODEL_CHANGED);
            assertThat(e.deletionId()).isEqualTo(soft.deletionId());
          })
          .hasMessageStartingWith("cannot restore operation " + soft.deletionId() + ": it deleted 2 rows of books,"
              + " which the cascade of this build's model from shelves does not reach")
          .hasMessageEndingWith("nothing was changed");
      assertThatThrownBy(() -> older.call("ShelfRestorer", "restoreOperation", BY_OPERATION, handle, trash.deletionId()))
          .isInstanceOfSatisfying(OperationNotRestorableException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationNotRestorableException.Reason.MODEL_CHANGED))
          .hasMessageContaining("it deleted 1 row of books");
      assertThat(db.snapshot(TABLES)).isEqualTo(before);
      assertThat(state(handle, soft)).isEqualTo(OperationState.DELETED);
      assertThat(state(handle, trash)).isEqualTo(OperationState.DELETED);

      ShelfRestorer.restore(handle, fiction);
      ShelfRestorer.restoreOperation(handle, trash.deletionId());
      assertThat(db.snapshot(TABLES)).isEqualTo(deleted.start());
    }
  }

  /**
   * The older build purges the operation it reaches whole, leaves the others deleted and names them
   * once it is done; this build's purge then removes them.
   */
  @AllDatabases
  void anOlderBuildsPurgeLeavesWhatItDoesNotReachAndSaysSo(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      MovingClock clock = new MovingClock(Instant.parse("2024-01-01T10:00:00Z"));
      handle.getConfig(CascadeConfig.class).setClock(clock);
      Deleted deleted = deleted(db, handle);
      long fiction = deleted.fiction();
      long poetry = deleted.poetry();
      DeleteResult soft = deleted.soft();
      DeleteResult trash = deleted.trash();
      DeleteResult bare = ShelfDeleter.destroy(handle, shelf(handle, "empty", 0), TRASH);
      clock.pass(Duration.ofDays(40));
      Snapshot before = db.snapshot(List.of("shelves", "books", "books_trash"));
      OtherBuild older = older();

      assertThatThrownBy(() -> older.call("ShelfDeleter", "purge", PURGE, handle, THIRTY_DAYS))
          .isExactlyInstanceOf(CascadeException.class)
          .hasMessageStartingWith("purged 1 operation (1 row), but left 2 deleted that this build cannot purge:"
              + " operation " + soft.deletionId() + " of shelves [" + fiction + "]: it deleted 2 rows of books")
          .hasMessageContaining("operation " + trash.deletionId() + " of shelves [" + poetry + "]: it deleted 1 row of books");
      assertThat(state(handle, bare)).isEqualTo(OperationState.PURGED);
      assertThat(state(handle, soft)).isEqualTo(OperationState.DELETED);
      assertThat(state(handle, trash)).isEqualTo(OperationState.DELETED);
      assertThat(db.snapshot(List.of("shelves", "books", "books_trash"))).isEqualTo(before);
      assertThat(handle.select("SELECT deletion_id FROM shelves_trash").mapTo(String.class).list())
          .containsExactly(trash.deletionId());

      PurgeResult purge = ShelfDeleter.purge(handle, THIRTY_DAYS);

      assertThat(purge.operations()).isEqualTo(2);
      assertThat(state(handle, soft)).isEqualTo(OperationState.PURGED);
      assertThat(state(handle, trash)).isEqualTo(OperationState.PURGED);
      for (String table : TABLES) {
        assertThat(handle.select("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one()).as(table).isZero();
      }
    }
  }

  /** A later build made the books SET_NULL: what the cascade took along before does not come back half. */
  @AllDatabases
  void aBuildThatUnlinksTheBooksRefusesToRestoreTheShelvesThatTookThemAlong(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Deleted deleted = deleted(db, handle);
      DeleteResult soft = deleted.soft();
      DeleteResult trash = deleted.trash();
      Snapshot before = db.snapshot(TABLES);
      OtherBuild unlinked = unlinked();

      assertThatThrownBy(() -> unlinked.call("ShelfRestorer", "restore", BY_ID, handle, deleted.fiction()))
          .isInstanceOfSatisfying(OperationNotRestorableException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationNotRestorableException.Reason.MODEL_CHANGED))
          .hasMessageContaining("it deleted 2 rows of books");
      assertThatThrownBy(() -> unlinked.call("ShelfRestorer", "restore", BY_ID, handle, deleted.poetry()))
          .isInstanceOfSatisfying(OperationNotRestorableException.class,
              e -> assertThat(e.deletionId()).isEqualTo(trash.deletionId()))
          .hasMessageContaining("it deleted 1 row of books");
      assertThat(db.snapshot(TABLES)).isEqualTo(before);
      assertThat(state(handle, soft)).isEqualTo(OperationState.DELETED);
      assertThat(state(handle, trash)).isEqualTo(OperationState.DELETED);
    }
  }
}
