package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.evolution.DocDeleter;
import dev.cascade.it.evolution.DocRestorer;
import dev.cascade.it.evolution.MemoDeleter;
import dev.cascade.it.evolution.MemoRestorer;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A table that changes after rows were trashed (a newcomer's "year in production"): a column added
 * {@code NOT NULL} with a default, a column renamed or dropped, a column the record leaves out. The
 * trash DDL and the schema check keep the trashed rows restorable, or say what would be lost.
 */
class SchemaEvolutionTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final List<String> DOCS = List.of("docs", "docs_trash");
  private static final List<String> MEMOS = List.of("memos", "memos_trash");

  /**
   * {@code status varchar(20) DEFAULT 'draft' NOT NULL} added to a table with rows in its trash:
   * the database gave the live rows the default; the trash DDL gives the trashed rows the same (it
   * wrote only the {@code ALTER TABLE}, after which every old trash row failed to restore and the
   * check said nothing), with the very update the check names before it runs.
   */
  @AllDatabases
  void aNotNullColumnWithADefaultAddedLaterIsGivenItsDefaultInTheTrashByTheDdl(TestDatabase db) {
    long doc = trashedDoc(db);
    try (Handle handle = db.jdbi().open()) {
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
    long doc = trashedDoc(db);
    try (Handle handle = db.jdbi().open()) {
      handle.execute("UPDATE docs_trash SET title = NULL, status = NULL");

      List<String> problems = SchemaCheck.problems(handle, true, DocDeleter.schema());

      String lead = "trash table docs_trash has rows that hold null in ";
      String middle = " takes no null, so a restore of them would fail (rows trashed before the column was added to the"
          + " trash table, or made NOT NULL, or by a build whose record did not name it); give them a value: ";
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

  /**
   * {@code memos.body} renamed to {@code content}, and the record's component with it, after a
   * memo was trashed: its text is in {@code memos_trash.body}, which nothing named, and a restore
   * brought the memo back with a null content and deleted the trash row, text and all. The check
   * names the column with the rename that keeps the text, to run before the trash DDL.
   */
  @AllDatabases
  void aRenamedColumnsTrashCopyIsNamedWithTheRenameThatKeepsItsValues(TestDatabase db) {
    long memo = trashedMemoOfARenamedColumn(db);
    try (Handle handle = db.jdbi().open()) {
      List<String> problems = SchemaCheck.problems(handle, true, MemoDeleter.schema());

      String rename = "ALTER TABLE memos_trash RENAME COLUMN body TO content";
      assertThat(problems).hasSize(2);
      assertThat(problems.get(0)).startsWith("trash table memos_trash has no column content; add it: ");
      assertThat(problems.get(1)).isEqualTo(
          "trash table memos_trash has a column body that memos has not, and rows in it hold values there, which a"
              + " restore does not bring back (it deletes the trash row, values and all): if memos.body was renamed to"
              + " content, rename it in the trash table too, before TrashTables.ddl adds content empty: " + rename
              + "; if it was dropped, its values are not restored, and you can drop it from the trash table: ALTER TABLE"
              + " memos_trash DROP COLUMN body");
      handle.execute(rename);
      assertThat(SchemaCheck.problems(handle, true, MemoDeleter.schema())).isEmpty();
      assertThat(TrashTables.ddl(handle, MemoDeleter.schema())).isEmpty();

      MemoRestorer.restore(handle, memo);
      assertThat(handle.select("SELECT content FROM memos").mapTo(String.class).list()).containsExactly("important text");
    }
  }

  /**
   * The same rename, with the trash DDL run first, as the README says to after a model changes: it
   * adds an empty {@code content}, after which the check said nothing. It still names {@code body},
   * now with the update that copies its values over and the drop.
   */
  @AllDatabases
  void aRenamedColumnsTrashCopyIsStillNamedAfterTheTrashDdlAddedTheNewName(TestDatabase db) {
    long memo = trashedMemoOfARenamedColumn(db);
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(handle, MemoDeleter.schema()).forEach(handle::execute);

      List<String> problems = SchemaCheck.problems(handle, true, MemoDeleter.schema());

      assertThat(problems).containsExactly(
          "trash table memos_trash has a column body that memos has not, and rows in it hold values there, which a"
              + " restore does not bring back (it deletes the trash row, values and all): if memos.body was renamed, copy"
              + " its values to the trash column of its new name, then drop it: UPDATE memos_trash SET ... = body WHERE"
              + " ... IS NULL; ALTER TABLE memos_trash DROP COLUMN body; if it was dropped, its values are not restored,"
              + " and you can drop it from the trash table: ALTER TABLE memos_trash DROP COLUMN body");
      handle.execute("UPDATE memos_trash SET content = body WHERE content IS NULL");
      handle.execute("ALTER TABLE memos_trash DROP COLUMN body");
      assertThat(SchemaCheck.problems(handle, true, MemoDeleter.schema())).isEmpty();

      MemoRestorer.restore(handle, memo);
      assertThat(handle.select("SELECT content FROM memos").mapTo(String.class).list()).containsExactly("important text");
    }
  }

  /**
   * A column dropped from a table and its record stays in the trash table: no problem while it
   * holds nothing, named once a trashed row holds a value there, which no restore brings back.
   */
  @AllDatabases
  void aDroppedColumnsTrashCopyIsNamedOnlyWhereItHoldsValues(TestDatabase db) {
    createMemos(db, "content VARCHAR(100)");
    try (Handle handle = db.jdbi().open()) {
      long memo = memo(handle, "kept");
      MemoDeleter.destroy(handle, memo, TRASH);
      handle.execute("ALTER TABLE memos_trash ADD COLUMN legacy VARCHAR(20)");
      assertThat(SchemaCheck.problems(handle, true, MemoDeleter.schema())).isEmpty();

      handle.execute("UPDATE memos_trash SET legacy = 'old'");
      List<String> problems = SchemaCheck.problems(handle, true, MemoDeleter.schema());

      String drop = "ALTER TABLE memos_trash DROP COLUMN legacy";
      assertThat(problems).singleElement().satisfies(p -> assertThat(p)
          .startsWith("trash table memos_trash has a column legacy that memos has not, and rows in it hold values there")
          .endsWith("; if it was dropped, its values are not restored, and you can drop it from the trash table: " + drop));
      handle.execute(drop);
      assertThat(SchemaCheck.problems(handle, true, MemoDeleter.schema())).isEmpty();
      MemoRestorer.restore(handle, memo);
      assertThat(handle.select("SELECT content FROM memos").mapTo(String.class).list()).containsExactly("kept");
    }
  }

  /**
   * Columns the record leaves out, which a trash copy does not keep: the check says what a restore
   * writes in each as it is (its default, null, or a failure), where it said "null, or fail if it is
   * NOT NULL" of all three, and a 'published' row came back 'draft'. The rows agree.
   */
  @AllDatabases
  void aColumnTheRecordLeavesOutIsNamedWithWhatARestoreWritesInIt(TestDatabase db) {
    createMemos(
        db, "content VARCHAR(100), priority VARCHAR(20) DEFAULT 'normal' NOT NULL, note VARCHAR(20), code VARCHAR(20) NOT NULL");
    try (Handle handle = db.jdbi().open()) {
      List<String> problems = SchemaCheck.problems(handle, true, MemoDeleter.schema());

      String lead = " is not in the model, so a TRASH delete would not keep it: a restore would ";
      String tail = "; add it to the record";
      assertThat(problems).hasSize(3)
          .contains("column memos.note" + lead + "bring it back null" + tail)
          .contains("column memos.code" + lead + "fail, as it takes no null and has no default" + tail)
          .filteredOn(p -> p.startsWith("column memos.priority")).singleElement()
          .satisfies(p -> assertThat(p)
              .startsWith("column memos.priority" + lead + "bring it back as its default, 'normal'")
              .endsWith(", whatever it held" + tail));

      handle.execute("INSERT INTO memos (content, priority, note, code) VALUES ('text', 'high', 'seen', 'x1')");
      long memo = handle.select("SELECT id FROM memos").mapTo(Long.class).one();
      MemoDeleter.destroy(handle, memo, TRASH);
      Snapshot trashed = db.snapshot(MEMOS);
      assertThatThrownBy(() -> MemoRestorer.restore(handle, memo)).isInstanceOf(CascadeException.class);
      assertThat(db.snapshot(MEMOS)).isEqualTo(trashed);

      handle.execute("ALTER TABLE memos DROP COLUMN code");
      MemoRestorer.restore(handle, memo);
      Map<String, Object> expected = new HashMap<>();
      expected.put("content", "text");
      expected.put("priority", "normal");
      expected.put("note", null);
      assertThat(handle.select("SELECT content, priority, note FROM memos").mapToMap().list()).containsExactly(expected);
    }
  }

  /** Docs and their trash table, with one doc, titled "one", trashed; returns its id. */
  private static long trashedDoc(TestDatabase db) {
    db.createSchema(List.of(
        "CREATE TABLE docs (id ${id}, title VARCHAR(100) NOT NULL, status VARCHAR(20) DEFAULT 'draft' NOT NULL,"
            + " deleted_at ${timestamp})"));
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(handle, DocDeleter.schema()).forEach(handle::execute);
      long doc = handle.createUpdate("INSERT INTO docs (title) VALUES ('one')")
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      DocDeleter.destroy(handle, doc, TRASH);
      return doc;
    }
  }

  /** Memos with these columns besides the key and {@code deleted_at}, and their trash table. */
  private static void createMemos(TestDatabase db, String columns) {
    db.createSchema(List.of("CREATE TABLE memos (id ${id}, " + columns + ", deleted_at ${timestamp})"));
    db.jdbi().useHandle(h -> TrashTables.ddl(h, MemoDeleter.schema()).forEach(h::execute));
  }

  private static long memo(Handle handle, String content) {
    return handle.createUpdate("INSERT INTO memos (content) VALUES (?)").bind(0, content)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  /**
   * A memo trashed while its text was in {@code body}, since renamed to {@code content} in the
   * table and the record: the trash table keeps the old name.
   */
  private static long trashedMemoOfARenamedColumn(TestDatabase db) {
    createMemos(db, "content VARCHAR(100)");
    try (Handle handle = db.jdbi().open()) {
      long memo = memo(handle, "important text");
      MemoDeleter.destroy(handle, memo, TRASH);
      handle.execute("ALTER TABLE memos_trash RENAME COLUMN content TO body");
      return memo;
    }
  }

  /** The part of a problem after this text. */
  private static String after(String problem, String text) {
    return problem.substring(problem.indexOf(text) + text.length());
  }
}
