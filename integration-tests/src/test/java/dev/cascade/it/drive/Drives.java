package dev.cascade.it.drive;

import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Drives, their folder trees and documents, with trash tables; and a plain-Java reading of which
 * folders lie below others, to check the database's recursive queries against.
 */
public final class Drives {
  public static final List<String> TABLES =
      List.of("drives", "folders", "documents", "drives_trash", "folders_trash", "documents_trash");

  private Drives() {}

  /** The schema, with plain foreign keys (the tree's key to itself too) and their indexes. */
  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE drives (id ${id}, name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE folders (id ${id}, drive_id BIGINT NOT NULL, parent_id BIGINT, name VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (drive_id) REFERENCES drives (id),"
                + " FOREIGN KEY (parent_id) REFERENCES folders (id))",
            "CREATE INDEX folders_drive_id ON folders (drive_id)",
            "CREATE INDEX folders_parent_id ON folders (parent_id)",
            "CREATE TABLE documents (id ${id}, folder_id BIGINT NOT NULL, title VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (folder_id) REFERENCES folders (id))",
            "CREATE INDEX documents_folder_id ON documents (folder_id)"));
    database.jdbi()
        .useHandle(
            h ->
                TrashTables.ddl(h, DriveDeleter.schema(), FolderDeleter.schema(), DocumentDeleter.schema())
                    .forEach(h::execute));
  }

  public static long drive(Handle handle, String name) {
    return handle.createUpdate("INSERT INTO drives (name) VALUES (?)").bind(0, name)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  /** A folder with one document in it. */
  public static long folder(Handle handle, long drive, Long parent, String name) {
    long folder =
        handle.createUpdate("INSERT INTO folders (drive_id, parent_id, name) VALUES (?, ?, ?)")
            .bind(0, drive).bind(1, parent).bind(2, name)
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    handle.createUpdate("INSERT INTO documents (folder_id, title) VALUES (?, ?)").bind(0, folder).bind(1, name + ".txt")
        .execute();
    return folder;
  }

  /** A chain of folders {@code depth} deep below {@code parent}, each with a sibling leaf; the top. */
  public static long chain(Handle handle, long drive, Long parent, int depth, String name) {
    long top = folder(handle, drive, parent, name + "-0");
    long at = top;
    for (int level = 1; level < depth; level++) {
      folder(handle, drive, at, name + "-leaf-" + level);
      at = folder(handle, drive, at, name + "-" + level);
    }
    return top;
  }

  /** The folders at or below the given ones, walking parent links in the snapshot. */
  public static Set<Long> subtree(Snapshot snapshot, Set<Long> tops) {
    Set<Long> reached = new HashSet<>(tops);
    List<Map<String, Object>> folders = snapshot.rows("folders");
    boolean grew = true;
    while (grew) {
      List<Long> added = new ArrayList<>();
      for (Map<String, Object> folder : folders) {
        Object parent = folder.get("parent_id");
        if (parent != null && reached.contains((Long) parent) && !reached.contains((Long) folder.get("id"))) {
          added.add((Long) folder.get("id"));
        }
      }
      grew = reached.addAll(added);
    }
    return reached;
  }
}
