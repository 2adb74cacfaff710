package dev.cascade.it.notes;

import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Notebooks and their notes, with trash tables. */
public final class Notes {
  public static final List<String> TABLES = List.of("notebooks", "notes", "notebooks_trash", "notes_trash");

  private Notes() {}

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE notebooks (id ${id}, title VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE notes (id ${id}, notebook_id BIGINT NOT NULL, text VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (notebook_id) REFERENCES notebooks (id))",
            "CREATE INDEX notes_notebook_id ON notes (notebook_id)"));
    database.jdbi().useHandle(h -> TrashTables.ddl(h, NotebookDeleter.schema(), NoteDeleter.schema()).forEach(h::execute));
  }

  /** A notebook with two notes; returns the notebook's id. */
  public static long notebook(Handle handle, String title) {
    long notebook =
        handle.createUpdate("INSERT INTO notebooks (title) VALUES (?)").bind(0, title)
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    for (String text : List.of("first", "second")) {
      handle.createUpdate("INSERT INTO notes (notebook_id, text) VALUES (?, ?)").bind(0, notebook).bind(1, text).execute();
    }
    return notebook;
  }

  public static long firstNote(Handle handle, long notebook) {
    return handle.select("SELECT MIN(id) FROM notes WHERE notebook_id = ?", notebook).mapTo(Long.class).one();
  }
}
