package dev.cascade.it.wide;

import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.TestDatabase;
import java.sql.Types;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Workspaces with members, projects, a folder tree, documents, comments, attachments, tags and
 * reactions, with trash tables: a model wide and deep enough that {@code WorkspaceRestorer} has a
 * SQL constant longer than a class file holds.
 */
public final class Workspaces {
  public static final List<String> LIVE =
      List.of(
          "ws_workspaces", "ws_users", "ws_projects", "ws_tags", "ws_folders", "ws_documents", "ws_comments", "ws_attachments",
          "ws_document_tags", "ws_reactions");

  public static final List<String> TABLES =
      Stream.concat(LIVE.stream(), LIVE.stream().map(table -> table + "_trash")).toList();

  private Workspaces() {}

  /** The ten tables, with their foreign keys (a folder's to its parent too), and their trash tables. */
  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE ws_workspaces (id ${id}, name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE ws_users (id ${id}, workspace_id BIGINT NOT NULL, email VARCHAR(100) NOT NULL,"
                + " name VARCHAR(100) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (workspace_id) REFERENCES ws_workspaces (id))",
            "CREATE TABLE ws_projects (id ${id}, workspace_id BIGINT NOT NULL, name VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (workspace_id) REFERENCES ws_workspaces (id))",
            "CREATE TABLE ws_tags (id ${id}, workspace_id BIGINT NOT NULL, name VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (workspace_id) REFERENCES ws_workspaces (id))",
            "CREATE TABLE ws_folders (id ${id}, project_id BIGINT NOT NULL, parent_id BIGINT, name VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (project_id) REFERENCES ws_projects (id),"
                + " FOREIGN KEY (parent_id) REFERENCES ws_folders (id))",
            "CREATE TABLE ws_documents (id ${id}, project_id BIGINT NOT NULL, folder_id BIGINT, author_id BIGINT,"
                + " title VARCHAR(100) NOT NULL, body VARCHAR(1000), deleted_at ${timestamp},"
                + " FOREIGN KEY (project_id) REFERENCES ws_projects (id), FOREIGN KEY (folder_id) REFERENCES ws_folders (id),"
                + " FOREIGN KEY (author_id) REFERENCES ws_users (id))",
            "CREATE TABLE ws_comments (id ${id}, document_id BIGINT NOT NULL, author_id BIGINT NOT NULL,"
                + " body VARCHAR(1000) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (document_id) REFERENCES ws_documents (id), FOREIGN KEY (author_id) REFERENCES ws_users (id))",
            "CREATE TABLE ws_attachments (id ${id}, document_id BIGINT NOT NULL, filename VARCHAR(100) NOT NULL,"
                + " size_bytes BIGINT NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (document_id) REFERENCES ws_documents (id))",
            "CREATE TABLE ws_document_tags (document_id BIGINT NOT NULL, tag_id BIGINT NOT NULL, deleted_at ${timestamp},"
                + " PRIMARY KEY (document_id, tag_id), FOREIGN KEY (document_id) REFERENCES ws_documents (id),"
                + " FOREIGN KEY (tag_id) REFERENCES ws_tags (id))",
            "CREATE TABLE ws_reactions (id ${id}, subject_type VARCHAR(20) NOT NULL, subject_id BIGINT NOT NULL,"
                + " user_id BIGINT NOT NULL, emoji VARCHAR(20) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (user_id) REFERENCES ws_users (id))"));
    database.jdbi()
        .useHandle(
            h ->
                TrashTables.ddl(
                        h,
                        WorkspaceDeleter.schema(),
                        UserDeleter.schema(),
                        ProjectDeleter.schema(),
                        TagDeleter.schema(),
                        FolderDeleter.schema(),
                        DocumentDeleter.schema(),
                        CommentDeleter.schema(),
                        AttachmentDeleter.schema(),
                        ReactionDeleter.schema())
                    .forEach(h::execute));
  }

  /**
   * A workspace with two members, two projects (one with a folder tree three deep), two tags, and
   * documents in and out of folders with comments, attachments, tags and reactions of both kinds;
   * {@code guest}, a member of another workspace (or nobody), wrote one of its documents. Returns the workspace.
   */
  public static long seed(Handle handle, String name, Long guest) {
    long workspace = insert(handle, "INSERT INTO ws_workspaces (name) VALUES (?)", name);
    long ann = insert(handle, "INSERT INTO ws_users (workspace_id, email, name) VALUES (?, ?, ?)", workspace, "ann@" + name, "Ann");
    long bob = insert(handle, "INSERT INTO ws_users (workspace_id, email, name) VALUES (?, ?, ?)", workspace, "bob@" + name, "Bob");
    long plans = insert(handle, "INSERT INTO ws_projects (workspace_id, name) VALUES (?, ?)", workspace, "plans");
    long notes = insert(handle, "INSERT INTO ws_projects (workspace_id, name) VALUES (?, ?)", workspace, "notes");
    long urgent = insert(handle, "INSERT INTO ws_tags (workspace_id, name) VALUES (?, ?)", workspace, "urgent");
    long draft = insert(handle, "INSERT INTO ws_tags (workspace_id, name) VALUES (?, ?)", workspace, "draft");
    String folder = "INSERT INTO ws_folders (project_id, parent_id, name) VALUES (?, ?, ?)";
    long top = insert(handle, folder, plans, null, "top");
    long middle = insert(handle, folder, plans, top, "middle");
    long bottom = insert(handle, folder, plans, middle, "bottom");
    insert(handle, folder, plans, top, "empty");
    String document = "INSERT INTO ws_documents (project_id, folder_id, author_id, title, body) VALUES (?, ?, ?, ?, ?)";
    List<Long> documents =
        List.of(
            insert(handle, document, plans, bottom, ann, "deep", "in the bottom folder"),
            insert(handle, document, plans, top, bob, "shallow", "in the top folder"),
            insert(handle, document, notes, null, ann, "loose", "no folder"),
            insert(handle, document, notes, null, null, "orphan", "its author left"),
            insert(handle, document, notes, null, guest, "guest", "by a member of another workspace"));
    for (long doc : documents) {
      long comment = insert(handle, "INSERT INTO ws_comments (document_id, author_id, body) VALUES (?, ?, ?)", doc, bob, "seen");
      insert(handle, "INSERT INTO ws_comments (document_id, author_id, body) VALUES (?, ?, ?)", doc, ann, "thanks");
      insert(handle, "INSERT INTO ws_attachments (document_id, filename, size_bytes) VALUES (?, ?, ?)", doc, "a.pdf", 1024L * doc);
      handle.execute("INSERT INTO ws_document_tags (document_id, tag_id) VALUES (?, ?)", doc, draft);
      String reaction = "INSERT INTO ws_reactions (subject_type, subject_id, user_id, emoji) VALUES (?, ?, ?, ?)";
      insert(handle, reaction, "document", doc, ann, "+1");
      insert(handle, reaction, "comment", comment, ann, "heart");
    }
    handle.execute("INSERT INTO ws_document_tags (document_id, tag_id) VALUES (?, ?)", documents.get(0), urgent);
    return workspace;
  }

  /** A member, by email: {@code ann@<workspace>} or {@code bob@<workspace>}. */
  public static long member(Handle handle, String email) {
    return handle.createQuery("SELECT id FROM ws_users WHERE email = ?").bind(0, email).mapTo(Long.class).one();
  }

  private static long insert(Handle handle, String sql, Object... values) {
    Update update = handle.createUpdate(sql);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        update.bindNull(i, Types.BIGINT);
      } else {
        update.bind(i, values[i]);
      }
    }
    return update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }
}
