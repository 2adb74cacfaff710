package dev.cascade.it.keys.workspace;

import dev.cascade.annotations.OnDelete;
import dev.cascade.it.keys.KeyedShape;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.TestDatabase;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Workspaces, their page trees and blocks, and invites, all keyed by UUIDs, in each database's
 * UUID type: {@code UUID} on PostgreSQL, H2 and MariaDB (10.7+), {@code TEXT} on SQLite, which has
 * none and where JDBI binds a UUID as its text.
 */
public final class Workspaces {
  public static final KeyedShape SHAPE =
      new KeyedShape(
          Map.of("workspaces", "id", "pages", "id", "blocks", "id", "invites", "id"),
          List.of("workspaces", "pages", "blocks", "invites"),
          List.of("workspaces", "pages", "blocks"),
          List.of(
              new KeyedShape.Relation("pages", "workspace_id", "workspaces", OnDelete.CASCADE),
              new KeyedShape.Relation("pages", "parent_id", "pages", OnDelete.CASCADE),
              new KeyedShape.Relation("blocks", "page_id", "pages", OnDelete.CASCADE),
              new KeyedShape.Relation("invites", "workspace_id", "workspaces", OnDelete.SET_NULL)));

  private Workspaces() {}

  /** The column type a UUID key needs on this database. */
  public static String uuidType(DatabaseKind kind) {
    return kind == DatabaseKind.SQLITE ? "TEXT" : "UUID";
  }

  /** The schema with every foreign key, the tree's plain key to itself too, their indexes, and the trash tables. */
  public static void create(TestDatabase database) {
    create(database, true);
  }

  /** The schema with foreign keys and their indexes, and the trash tables; the tree's key to itself when {@code treeKey}. */
  public static void create(TestDatabase database, boolean treeKey) {
    String uuid = uuidType(database.kind());
    String selfKey = treeKey ? ", FOREIGN KEY (parent_id) REFERENCES pages (id)" : "";
    database.createSchema(
        List.of(
            "CREATE TABLE workspaces (id " + uuid + " PRIMARY KEY, name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE pages (id " + uuid + " PRIMARY KEY, workspace_id " + uuid + " NOT NULL, parent_id " + uuid + ","
                + " title VARCHAR(100) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (workspace_id) REFERENCES workspaces (id)" + selfKey + ")",
            "CREATE INDEX pages_workspace_id ON pages (workspace_id)",
            "CREATE INDEX pages_parent_id ON pages (parent_id)",
            "CREATE TABLE blocks (id " + uuid + " PRIMARY KEY, page_id " + uuid + " NOT NULL, body VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (page_id) REFERENCES pages (id))",
            "CREATE INDEX blocks_page_id ON blocks (page_id)",
            "CREATE TABLE invites (id " + uuid + " PRIMARY KEY, workspace_id " + uuid + ", email VARCHAR(100) NOT NULL,"
                + " FOREIGN KEY (workspace_id) REFERENCES workspaces (id))",
            "CREATE INDEX invites_workspace_id ON invites (workspace_id)"));
    database.jdbi().useHandle(h ->
        TrashTables.ddl(Dialect.of(h), WorkspaceDeleter.schema(), PageDeleter.schema()).forEach(h::execute));
  }

  public static UUID workspace(Handle handle, String name) {
    UUID id = UUID.randomUUID();
    handle.execute("INSERT INTO workspaces (id, name) VALUES (?, ?)", id, name);
    return id;
  }

  /** A page with one block on it. */
  public static UUID page(Handle handle, UUID workspace, UUID parent, String title) {
    UUID id = UUID.randomUUID();
    var insert = handle.createUpdate("INSERT INTO pages (id, workspace_id, parent_id, title) VALUES (?, ?, ?, ?)");
    insert.bind(0, id).bind(1, workspace).bind(3, title);
    if (parent == null) {
      // JDBI sends a null UUID as VARCHAR, which PostgreSQL refuses for a uuid column.
      insert.bindNull(2, Types.OTHER);
    } else {
      insert.bind(2, parent);
    }
    insert.execute();
    handle.execute("INSERT INTO blocks (id, page_id, body) VALUES (?, ?, ?)", UUID.randomUUID(), id, title + " body");
    return id;
  }

  /** A chain of pages {@code depth} deep below {@code parent}, each with a sibling leaf; the top. */
  public static UUID chain(Handle handle, UUID workspace, UUID parent, int depth, String title) {
    UUID top = page(handle, workspace, parent, title + "-0");
    UUID at = top;
    for (int level = 1; level < depth; level++) {
      page(handle, workspace, at, title + "-leaf-" + level);
      at = page(handle, workspace, at, title + "-" + level);
    }
    return top;
  }

  public static UUID invite(Handle handle, UUID workspace, String email) {
    UUID id = UUID.randomUUID();
    handle.execute("INSERT INTO invites (id, workspace_id, email) VALUES (?, ?, ?)", id, workspace, email);
    return id;
  }

  /** The id of the page with this title. */
  public static UUID pageTitled(Handle handle, String title) {
    return handle.select("SELECT id FROM pages WHERE title = ?", title).mapTo(UUID.class).one();
  }

  /**
   * {@code count} workspaces, every hundredth with one page and its block, in batches; their ids. (H2
   * runs a tree's recursive query again for every row a statement changes: a page for each of
   * a thousand workspaces takes it minutes; README, "Trees".)
   */
  public static List<UUID> many(Handle handle, int count, String prefix) {
    List<UUID> workspaces = new ArrayList<>();
    handle.useTransaction(h -> {
      PreparedBatch spaces = h.prepareBatch("INSERT INTO workspaces (id, name) VALUES (?, ?)");
      PreparedBatch pages = h.prepareBatch("INSERT INTO pages (id, workspace_id, title) VALUES (?, ?, ?)");
      PreparedBatch blocks = h.prepareBatch("INSERT INTO blocks (id, page_id, body) VALUES (?, ?, ?)");
      for (int i = 0; i < count; i++) {
        UUID workspace = UUID.randomUUID();
        spaces.add(workspace, prefix + i);
        if (i % 100 == 0) {
          UUID page = UUID.randomUUID();
          pages.add(page, workspace, prefix + i + " home");
          blocks.add(UUID.randomUUID(), page, prefix + i + " text");
        }
        workspaces.add(workspace);
      }
      spaces.execute();
      pages.execute();
      blocks.execute();
    });
    return workspaces;
  }

  /** {@code count} top pages of one workspace, each with its block and one child page; their ids. */
  public static List<UUID> manyTops(Handle handle, UUID workspace, int count, String prefix) {
    List<UUID> tops = new ArrayList<>();
    handle.useTransaction(h -> {
      PreparedBatch parents = h.prepareBatch("INSERT INTO pages (id, workspace_id, title) VALUES (?, ?, ?)");
      PreparedBatch children = h.prepareBatch("INSERT INTO pages (id, workspace_id, parent_id, title) VALUES (?, ?, ?, ?)");
      PreparedBatch blocks = h.prepareBatch("INSERT INTO blocks (id, page_id, body) VALUES (?, ?, ?)");
      for (int i = 0; i < count; i++) {
        UUID top = UUID.randomUUID();
        parents.add(top, workspace, prefix + i);
        children.add(UUID.randomUUID(), workspace, top, prefix + i + " child");
        blocks.add(UUID.randomUUID(), top, prefix + i + " text");
        tops.add(top);
      }
      parents.execute();
      children.execute();
      blocks.execute();
    });
    return tops;
  }
}
