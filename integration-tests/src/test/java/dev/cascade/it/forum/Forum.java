package dev.cascade.it.forum;

import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Inserts;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The forum schema, with real foreign keys and their indexes, and helpers to fill it. */
public final class Forum {
  public static final List<String> TABLES =
      List.of("users", "posts", "comments", "likes", "reactions", "invoices", "sessions");

  static final List<String> DDL =
      List.of(
          "CREATE TABLE users (id ${id}, name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
          "CREATE TABLE posts (id ${id}, user_id BIGINT NOT NULL, title VARCHAR(200) NOT NULL,"
              + " deleted_at ${timestamp}, FOREIGN KEY (user_id) REFERENCES users (id))",
          "CREATE INDEX posts_user_id ON posts (user_id)",
          "CREATE TABLE comments (id ${id}, post_id BIGINT NOT NULL, user_id BIGINT NOT NULL,"
              + " body VARCHAR(500) NOT NULL, deleted_at ${timestamp},"
              + " FOREIGN KEY (post_id) REFERENCES posts (id), FOREIGN KEY (user_id) REFERENCES users (id))",
          "CREATE INDEX comments_post_id ON comments (post_id)",
          "CREATE INDEX comments_user_id ON comments (user_id)",
          "CREATE TABLE likes (id ${id}, comment_id BIGINT NOT NULL, user_id BIGINT NOT NULL,"
              + " deleted_at ${timestamp},"
              + " FOREIGN KEY (comment_id) REFERENCES comments (id), FOREIGN KEY (user_id) REFERENCES users (id))",
          "CREATE INDEX likes_comment_id ON likes (comment_id)",
          "CREATE INDEX likes_user_id ON likes (user_id)",
          "CREATE TABLE reactions (id ${id}, subject_type VARCHAR(20) NOT NULL, subject_id BIGINT NOT NULL,"
              + " emoji VARCHAR(20) NOT NULL, deleted_at ${timestamp})",
          "CREATE INDEX reactions_subject ON reactions (subject_id, subject_type)",
          "CREATE TABLE invoices (id ${id}, user_id BIGINT NOT NULL, amount_cents BIGINT NOT NULL,"
              + " FOREIGN KEY (user_id) REFERENCES users (id))",
          "CREATE INDEX invoices_user_id ON invoices (user_id)",
          "CREATE TABLE sessions (id ${id}, user_id BIGINT, token VARCHAR(100) NOT NULL,"
              + " FOREIGN KEY (user_id) REFERENCES users (id))",
          "CREATE INDEX sessions_user_id ON sessions (user_id)");

  private final Handle handle;

  private Forum(Handle handle) {
    this.handle = handle;
  }

  /** Every trash table of the forum, as the tables it mirrors and then the trash tables. */
  public static final List<String> TABLES_WITH_TRASH =
      List.of(
          "users", "posts", "comments", "likes", "reactions", "invoices", "sessions",
          "users_trash", "posts_trash", "comments_trash", "likes_trash", "reactions_trash");

  /** Creates the forum tables through this handle, where its connection creates tables. */
  public static void createTables(Handle handle, DatabaseKind kind) {
    DDL.forEach(template -> handle.execute(kind.ddl(template)));
  }

  /** Creates the forum tables and the operations journal in a fresh database. */
  public static void create(TestDatabase database) {
    database.createSchema(DDL);
    database.jdbi().useHandle(h -> Journal.ddl(Dialect.of(h)).forEach(h::execute));
  }

  /** Creates the forum tables and, with Cascade's own DDL helper, their trash tables. */
  public static void createWithTrash(TestDatabase database) {
    create(database);
    database.jdbi().useHandle(h -> TrashTables.ddl(h, UserDeleter.schema()).forEach(h::execute));
  }

  /**
   * The forum with trash tables, its keys {@code GENERATED ALWAYS AS IDENTITY} where the database
   * has them (PostgreSQL and H2), which take no value an insert names without {@code OVERRIDING
   * SYSTEM VALUE}; the usual generated keys elsewhere.
   */
  public static void createWithTrashAndAlwaysGeneratedKeys(TestDatabase database) {
    boolean always = database.kind() == DatabaseKind.POSTGRESQL || database.kind() == DatabaseKind.H2;
    database.createSchema(
        always ? DDL.stream().map(sql -> sql.replace("${id}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")).toList() : DDL);
    database.jdbi().useHandle(h -> {
      Journal.ddl(Dialect.of(h)).forEach(h::execute);
      TrashTables.ddl(h, UserDeleter.schema()).forEach(h::execute);
    });
  }

  /**
   * Makes a column of a forum table unique among its live rows, the usual soft-delete pattern (an
   * email unique where {@code deleted_at IS NULL}): PostgreSQL and SQLite index the live rows; H2
   * and MariaDB have no partial index, so a generated column {@code live_<column>} holds the live
   * rows' values, and a unique index it.
   */
  public static void uniqueAmongLiveRows(Handle handle, DatabaseKind kind, String table, String column) {
    String index = table + "_live_" + column;
    String live = "live_" + column;
    String value = "(CASE WHEN deleted_at IS NULL THEN " + column + " END)";
    switch (kind) {
      case POSTGRESQL, SQLITE ->
          handle.execute("CREATE UNIQUE INDEX " + index + " ON " + table + " (" + column + ") WHERE deleted_at IS NULL");
      case H2 -> {
        handle.execute("ALTER TABLE " + table + " ADD COLUMN " + live + " VARCHAR(200) GENERATED ALWAYS AS " + value);
        handle.execute("CREATE UNIQUE INDEX " + index + " ON " + table + " (" + live + ")");
      }
      case MARIADB -> {
        handle.execute("ALTER TABLE " + table + " ADD COLUMN " + live + " VARCHAR(200) AS " + value + " PERSISTENT");
        handle.execute("CREATE UNIQUE INDEX " + index + " ON " + table + " (" + live + ")");
      }
    }
  }

  /** Inserts through this handle. */
  public static Forum on(Handle handle) {
    return new Forum(handle);
  }

  public long user(String name) {
    return insert("INSERT INTO users (name) VALUES (?)", name);
  }

  public long post(long userId, String title) {
    return insert("INSERT INTO posts (user_id, title) VALUES (?, ?)", userId, title);
  }

  public long comment(long postId, long userId, String body) {
    return insert("INSERT INTO comments (post_id, user_id, body) VALUES (?, ?, ?)", postId, userId, body);
  }

  public long like(long commentId, long userId) {
    return insert("INSERT INTO likes (comment_id, user_id) VALUES (?, ?)", commentId, userId);
  }

  public long reaction(String subjectType, long subjectId, String emoji) {
    return insert(
        "INSERT INTO reactions (subject_type, subject_id, emoji) VALUES (?, ?, ?)", subjectType, subjectId, emoji);
  }

  public long invoice(long userId, long amountCents) {
    return insert("INSERT INTO invoices (user_id, amount_cents) VALUES (?, ?)", userId, amountCents);
  }

  public long session(long userId, String token) {
    return insert("INSERT INTO sessions (user_id, token) VALUES (?, ?)", userId, token);
  }

  /**
   * A user with {@code posts} posts, each with {@code comments} comments by {@code commenter},
   * each with {@code likes} likes by {@code liker}. Returns the user's id.
   */
  public long tree(String name, int posts, int comments, int likes, long commenter, long liker) {
    long user = user(name);
    for (int p = 0; p < posts; p++) {
      long post = post(user, name + " post " + p);
      for (int c = 0; c < comments; c++) {
        long comment = comment(post, commenter, "comment " + c);
        var batch = handle.prepareBatch("INSERT INTO likes (comment_id, user_id) VALUES (?, ?)");
        for (int l = 0; l < likes; l++) {
          batch.add(comment, liker);
        }
        if (likes > 0) {
          batch.execute();
        }
      }
    }
    return user;
  }

  private long insert(String sql, Object... values) {
    return Inserts.returningId(handle, sql, values);
  }
}
