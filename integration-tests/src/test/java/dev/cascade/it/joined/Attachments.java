package dev.cascade.it.joined;

import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.Inserts;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Attachments whose children's keys are their foreign keys too, with trash tables. */
public final class Attachments {
  public static final List<String> TABLES =
      List.of("attachments", "image_attachments", "attachment_settings", "attachments_trash",
          "image_attachments_trash", "attachment_settings_trash");

  private final Handle handle;

  private Attachments(Handle handle) {
    this.handle = handle;
  }

  public static void create(TestDatabase database) {
    create(database, "${id}");
  }

  /**
   * With keys the application assigns, as Hibernate does when it reads its sequence itself: the
   * key column has no default.
   */
  public static void createWithAssignedKeys(TestDatabase database) {
    create(database, "BIGINT NOT NULL PRIMARY KEY");
  }

  private static void create(TestDatabase database, String key) {
    database.createSchema(
        List.of(
            "CREATE TABLE attachments (id " + key + ", name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE image_attachments (id BIGINT NOT NULL PRIMARY KEY, width INT NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (id) REFERENCES attachments (id))",
            "CREATE TABLE attachment_settings (attachment_id BIGINT NOT NULL PRIMARY KEY, layout VARCHAR(100),"
                + " deleted_at ${timestamp}, FOREIGN KEY (attachment_id) REFERENCES attachments (id))"));
    database.jdbi().useHandle(h -> {
      Journal.ddl(Dialect.of(h)).forEach(h::execute);
      TrashTables.ddl(h, AttachmentDeleter.schema()).forEach(h::execute);
    });
  }

  public static Attachments on(Handle handle) {
    return new Attachments(handle);
  }

  /** An image attachment with its settings. */
  public long image(String name, int width) {
    long id = Inserts.returningId(handle, "INSERT INTO attachments (name) VALUES (?)", name);
    children(id, width);
    return id;
  }

  /** An image attachment with its settings, under a key the application assigns. */
  public long image(long id, String name, int width) {
    handle.execute("INSERT INTO attachments (id, name) VALUES (?, ?)", id, name);
    children(id, width);
    return id;
  }

  private void children(long id, int width) {
    handle.execute("INSERT INTO image_attachments (id, width) VALUES (?, ?)", id, width);
    handle.execute("INSERT INTO attachment_settings (attachment_id, layout) VALUES (?, 'grid')", id);
  }
}
