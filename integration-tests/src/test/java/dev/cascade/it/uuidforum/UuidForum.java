package dev.cascade.it.uuidforum;

import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.TestDatabase;
import java.util.List;

/**
 * The forum of {@code dev.cascade.it.forum} with UUID keys and foreign keys: the same tables,
 * relations and indexes, named {@code uuid_users} and so on. UUIDs are {@code UUID} on PostgreSQL
 * and H2, {@code CHAR(36)} on SQLite and MariaDB (the type MySQL, which has no UUID type, needs).
 */
public final class UuidForum {
  /** The prefix of every table name. */
  public static final String PREFIX = "uuid_";

  private UuidForum() {}

  public static String uuidType(DatabaseKind kind) {
    return kind == DatabaseKind.H2 || kind == DatabaseKind.POSTGRESQL ? "UUID" : "CHAR(36)";
  }

  public static void createWithTrash(TestDatabase database) {
    String uuid = uuidType(database.kind());
    String key = uuid + " PRIMARY KEY";
    database.createSchema(
        List.of(
            "CREATE TABLE uuid_users (id " + key + ", name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE uuid_posts (id " + key + ", user_id " + uuid + " NOT NULL, title VARCHAR(200) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (user_id) REFERENCES uuid_users (id))",
            "CREATE INDEX uuid_posts_user_id ON uuid_posts (user_id)",
            "CREATE TABLE uuid_comments (id " + key + ", post_id " + uuid + " NOT NULL, user_id " + uuid + " NOT NULL,"
                + " body VARCHAR(500) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (post_id) REFERENCES uuid_posts (id), FOREIGN KEY (user_id) REFERENCES uuid_users (id))",
            "CREATE INDEX uuid_comments_post_id ON uuid_comments (post_id)",
            "CREATE INDEX uuid_comments_user_id ON uuid_comments (user_id)",
            "CREATE TABLE uuid_likes (id " + key + ", comment_id " + uuid + " NOT NULL, user_id " + uuid + " NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (comment_id) REFERENCES uuid_comments (id),"
                + " FOREIGN KEY (user_id) REFERENCES uuid_users (id))",
            "CREATE INDEX uuid_likes_comment_id ON uuid_likes (comment_id)",
            "CREATE INDEX uuid_likes_user_id ON uuid_likes (user_id)",
            "CREATE TABLE uuid_reactions (id " + key + ", subject_type VARCHAR(20) NOT NULL, subject_id " + uuid + " NOT NULL,"
                + " emoji VARCHAR(20) NOT NULL, deleted_at ${timestamp})",
            "CREATE INDEX uuid_reactions_subject ON uuid_reactions (subject_id, subject_type)",
            "CREATE TABLE uuid_invoices (id " + key + ", user_id " + uuid + " NOT NULL, amount_cents BIGINT NOT NULL,"
                + " FOREIGN KEY (user_id) REFERENCES uuid_users (id))",
            "CREATE INDEX uuid_invoices_user_id ON uuid_invoices (user_id)",
            "CREATE TABLE uuid_sessions (id " + key + ", user_id " + uuid + ", token VARCHAR(100) NOT NULL,"
                + " FOREIGN KEY (user_id) REFERENCES uuid_users (id))",
            "CREATE INDEX uuid_sessions_user_id ON uuid_sessions (user_id)"));
    database.jdbi().useHandle(h -> TrashTables.ddl(Dialect.of(h), UserDeleter.schema()).forEach(h::execute));
  }
}
