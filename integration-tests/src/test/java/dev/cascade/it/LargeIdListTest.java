package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.drive.Drives;
import dev.cascade.it.drive.FolderDeleter;
import dev.cascade.it.notes.NotebookDeleter;
import dev.cascade.it.notes.Notes;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.StatementCounter;
import dev.cascade.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@code destroyAll} with more ids than drivers allow bind parameters (SQLite 32,766, PostgreSQL
 * 65,535): still the statements of a short list, still one transaction.
 */
class LargeIdListTest {
  private static final int MANY = 100_000;
  private static final DeleteOptions PERMANENT = DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT);

  /** {@code count} notebooks; every thousandth gets two notes. Returns their ids in order. */
  private static List<Long> notebooks(Handle handle, int count, String prefix) {
    handle.useTransaction(
        h -> {
          PreparedBatch batch = h.prepareBatch("INSERT INTO notebooks (title) VALUES (?)");
          for (int i = 0; i < count; i++) {
            batch.bind(0, prefix + i).add();
          }
          batch.execute();
        });
    List<Long> ids =
        handle.select("SELECT id FROM notebooks WHERE title LIKE ? ORDER BY id", prefix + "%").mapTo(Long.class).list();
    handle.useTransaction(
        h -> {
          PreparedBatch notes = h.prepareBatch("INSERT INTO notes (notebook_id, text) VALUES (?, ?)");
          for (int i = 0; i < ids.size(); i += 1_000) {
            notes.bind(0, ids.get(i)).bind(1, "a").add();
            notes.bind(0, ids.get(i)).bind(1, "b").add();
          }
          notes.execute();
        });
    return ids;
  }

  private static long count(Handle handle, String table) {
    return handle.select("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
  }

  @AllDatabases
  void aHundredThousandIdsTakeTheStatementsOfTwo(TestDatabase db) {
    Notes.create(db);
    try (Handle handle = db.jdbi().open()) {
      List<Long> two = notebooks(handle, 2, "two-");
      List<Long> kept = notebooks(handle, 10, "kept-");
      List<Long> many = notebooks(handle, MANY, "many-");
      StatementCounter counter = StatementCounter.on(handle);
      NotebookDeleter.destroyAll(handle, two, PERMANENT);
      int twoStatements = counter.count();
      counter.reset();

      DeleteResult result = NotebookDeleter.destroyAll(handle, many, PERMANENT);

      assertThat(counter.count()).isEqualTo(twoStatements);
      assertThat(result.deletedCount()).isEqualTo(MANY);
      assertThat(result.rowsByTable()).containsExactly(Map.entry("notes", 200L), Map.entry("notebooks", (long) MANY));
      assertThat(handle.select("SELECT id FROM notebooks ORDER BY id").mapTo(Long.class).list())
          .containsExactlyElementsOf(kept);
      assertThat(count(handle, "notes")).isEqualTo(2); // the first kept notebook's two
    }
  }

  @AllDatabases
  void aFailedTrashOfAHundredThousandIdsChangesNothing(TestDatabase db) {
    Notes.create(db);
    try (Handle handle = db.jdbi().open()) {
      List<Long> many = notebooks(handle, MANY, "many-");
      handle.execute("DROP TABLE notes_trash");
      Snapshot before = db.snapshot(List.of("notebooks", "notes", "notebooks_trash"));

      assertThatThrownBy(() -> NotebookDeleter.destroyAll(handle, many))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("notes_trash");

      assertThat(db.snapshot(List.of("notebooks", "notes", "notebooks_trash"))).isEqualTo(before);
    }
  }

  @AllDatabases
  void manyTreeTopsAreBoundOnceThoughTheRecursiveQueryNamesThemTwice(TestDatabase db) {
    Drives.create(db);
    try (Handle handle = db.jdbi().open()) {
      long drive = Drives.drive(handle, "work");
      List<Long> tops = new ArrayList<>();
      handle.useTransaction(
          h -> {
            for (int i = 0; i < 1_500; i++) {
              tops.add(Drives.chain(h, drive, null, 2, "t" + i));
            }
          });
      long other = Drives.chain(handle, drive, null, 2, "other");

      DeleteResult result =
          FolderDeleter.destroyAll(handle, tops, DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));

      assertThat(result.rowsByTable()).containsEntry("folders", 4_500L).containsEntry("documents", 4_500L);
      assertThat(handle.select("SELECT COUNT(*) FROM folders WHERE deleted_at IS NULL").mapTo(Long.class).one())
          .isEqualTo(3);
      assertThat(handle.select("SELECT deleted_at FROM folders WHERE id = ?", other).mapTo(java.time.Instant.class).one())
          .isNull();
    }
  }
}
