package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.evolution.DocDeleter;
import dev.cascade.it.evolution.DocRestorer;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A table that changes after rows were trashed (a newcomer's "year in production"): a column added
 * {@code NOT NULL} with a default. The trash DDL and the schema check keep the trashed rows
 * restorable, or say what would be lost.
 */
class SchemaEvolutionTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final List<String> DOCS = List.of("docs", "docs_trash");

  /**
   * {@code status varchar(20) DEFAULT 'draft' NOT NULL} added to a table with rows in its trash:
   * the database gave the live rows the default; the trash DDL gives the trashed rows the same (it
   * wrote only the {@code ALTER TABLE}, after which every old trash row failed to restore and the
   * check said nothing), with the very update the check names before it runs.
   */
  @AllDatabases
  void aNotNullColumnWithADefaultAddedLaterIsGivenItsDefaultInTheTrashByTheDdl(TestDatabase db) {
    createDocs(db);
    try (Handle handle = db.jdbi().open()) {
      long doc = doc(handle, "one");
      DocDeleter.destroy(handle, doc, TRASH);
      // The trash table as it was before status was added to docs and to the record.
      handle.execute("ALTER TABLE docs_trash DROP COLUMN status");

      List<String> problems = SchemaCheck.problems(handle, true, DocDeleter.schema());
      List<String> ddl = TrashTables.ddl(handle, DocDeleter.schema());

      assertThat(ddl).hasSize(2);
      assertThat(ddl.get(0)).startsWith("ALTER TABLE docs_trash ADD COLUMN status ");
      assertThat(ddl.get(1)).startsWith("UPDATE docs_trash SET status = 'draft'").endsWith(" WHERE status IS NULL");
      assertThat(problems).containsExactly(
          "trash table docs_trash has no column status; add it: " + ddl.get(0) + ", then give the rows trashed before it"
              + " a value, as docs.status takes no null and a restore copies the trash's: " + ddl.get(1));
      ddl.forEach(handle::execute);
      assertThat(SchemaCheck.problems(handle, true, DocDeleter.schema())).isEmpty();
      assertThat(TrashTables.ddl(handle, DocDeleter.schema())).isEmpty();

      DocRestorer.restore(handle, doc);
      assertThat(handle.select("SELECT title, status FROM docs").mapToMap().list())
          .containsExactly(Map.of("title", "one", "status", "draft"));
    }
  }

  /**
   * The state the trash DDL left before: trash rows holding null in columns the table takes no
   * null in (one with a default, one without). The check names each, with the update that gives
   * them a value; a restore fails, changing nothing, until they have one.
   */
  @AllDatabases
  void nullsInATrashColumnTheTableTakesNoNullInAreReportedWithTheUpdate(TestDatabase db) {
    createDocs(db);
    try (Handle handle = db.jdbi().open()) {
      long doc = doc(handle, "one");
      DocDeleter.destroy(handle, doc, TRASH);
      handle.execute("UPDATE docs_trash SET title = NULL, status = NULL");

      List<String> problems = SchemaCheck.problems(handle, true, DocDeleter.schema());

      String lead = "trash table docs_trash has rows that hold null in ";
      String middle = " takes no null, so a restore of them would fail (rows trashed before the column was added to the"
          + " trash table, or made NOT NULL); give them a value: ";
      assertThat(problems).hasSize(2);
      assertThat(problems.get(0))
          .isEqualTo(lead + "title, but docs.title" + middle + "UPDATE docs_trash SET title = ... WHERE title IS NULL");
      assertThat(problems.get(1))
          .startsWith(lead + "status, but docs.status" + middle + "UPDATE docs_trash SET status = 'draft'")
          .endsWith(" WHERE status IS NULL");
      Snapshot trashed = db.snapshot(DOCS);
      assertThatThrownBy(() -> DocRestorer.restore(handle, doc)).isInstanceOf(CascadeException.class);
      assertThat(db.snapshot(DOCS)).isEqualTo(trashed);

      handle.execute(after(problems.get(0), middle).replace("= ...", "= 'recovered'"));
      handle.execute(after(problems.get(1), middle));
      assertThat(SchemaCheck.problems(handle, true, DocDeleter.schema())).isEmpty();
      DocRestorer.restore(handle, doc);
      assertThat(handle.select("SELECT title, status FROM docs").mapToMap().list())
          .containsExactly(Map.of("title", "recovered", "status", "draft"));
    }
  }

  private static void createDocs(TestDatabase db) {
    db.createSchema(List.of(
        "CREATE TABLE docs (id ${id}, title VARCHAR(100) NOT NULL, status VARCHAR(20) DEFAULT 'draft' NOT NULL,"
            + " deleted_at ${timestamp})"));
    db.jdbi().useHandle(h -> TrashTables.ddl(h, DocDeleter.schema()).forEach(h::execute));
  }

  private static long doc(Handle handle, String title) {
    return handle.createUpdate("INSERT INTO docs (title) VALUES (?)").bind(0, title)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  /** The part of a problem after this text. */
  private static String after(String problem, String text) {
    return problem.substring(problem.indexOf(text) + text.length());
  }
}
