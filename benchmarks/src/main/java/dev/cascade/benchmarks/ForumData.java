package dev.cascade.benchmarks;

import dev.cascade.benchmarks.model.UserDeleter;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.DatabaseKind;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The benchmark schema (users, posts, comments, likes, their trash tables) and its data, loaded
 * set-based on the server: {@code generate_series} on PostgreSQL, {@code SYSTEM_RANGE} on H2.
 *
 * <p>Ids are dense and deterministic: user {@code u}'s posts, comments and likes are contiguous
 * ranges, so every user's tree has the same size and layout. Foreign keys and their indexes are
 * added after the load, as a bulk import would. Every table also has a {@code deleted} flag,
 * which only Hibernate's {@code @SoftDelete} mapping uses.
 */
final class ForumData implements Dataset {
  static final List<String> TABLES = List.of("users", "posts", "comments", "likes");
  private static final List<String> ALL_TABLES =
      List.of("users", "posts", "comments", "likes", "users_trash", "posts_trash", "comments_trash", "likes_trash");

  private final Handle handle;
  private final DatabaseKind kind;

  ForumData(Handle handle, DatabaseKind kind) {
    this.handle = handle;
    this.kind = kind;
  }

  /** Creates the tables, loads {@code shape}, then adds keys, indexes and trash tables. */
  void create(Shape shape, ForeignKeys foreignKeys) {
    String flag = ", deleted BOOLEAN DEFAULT FALSE NOT NULL";
    handle.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
        + " deleted_at TIMESTAMP(6)" + flag + ")");
    handle.execute("CREATE TABLE posts (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL,"
        + " title VARCHAR(200) NOT NULL, deleted_at TIMESTAMP(6)" + flag + ")");
    handle.execute("CREATE TABLE comments (id BIGINT PRIMARY KEY, post_id BIGINT NOT NULL,"
        + " body VARCHAR(500) NOT NULL, deleted_at TIMESTAMP(6)" + flag + ")");
    handle.execute("CREATE TABLE likes (id BIGINT PRIMARY KEY, comment_id BIGINT NOT NULL,"
        + " deleted_at TIMESTAMP(6)" + flag + ")");

    handle.execute("INSERT INTO users (id, name) SELECT x, 'user ' || x FROM " + series(kind, shape.users()));
    handle.execute("INSERT INTO posts (id, user_id, title) SELECT x, (x - 1) / " + shape.postsPerUser()
        + " + 1, 'post ' || x FROM " + series(kind, shape.posts()));
    handle.execute("INSERT INTO comments (id, post_id, body) SELECT x, (x - 1) / " + shape.commentsPerPost()
        + " + 1, 'comment ' || x FROM " + series(kind, shape.comments()));
    handle.execute("INSERT INTO likes (id, comment_id) SELECT x, (x - 1) / " + shape.likesPerComment()
        + " + 1 FROM " + series(kind, shape.likes()));

    link("posts", "user_id", "users", foreignKeys);
    link("comments", "post_id", "posts", foreignKeys);
    link("likes", "comment_id", "comments", foreignKeys);
    TrashTables.ddl(handle, UserDeleter.schema()).forEach(handle::execute);
    analyze();
  }

  /**
   * Brings statistics up to date and, on PostgreSQL, clears the dead rows of earlier deletes, so
   * that every repetition starts from the same state and autovacuum does not run during one.
   */
  @Override
  public void analyze() {
    Statistics.analyze(handle, kind, ALL_TABLES);
  }

  @Override
  public void leaveUnanalyzed() {
    Statistics.leaveUnanalyzed(handle, kind, ALL_TABLES);
  }

  /** Rows of the four tables that are neither deleted nor soft-deleted, by either mechanism. */
  @Override
  public long liveRows() {
    long live = 0;
    for (String table : TABLES) {
      live += handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE deleted_at IS NULL AND NOT deleted")
          .mapTo(Long.class)
          .one();
    }
    return live;
  }

  private void link(String table, String column, String parent, ForeignKeys foreignKeys) {
    handle.execute("CREATE INDEX " + table + "_" + column + " ON " + table + " (" + column + ")");
    if (foreignKeys != ForeignKeys.NONE) {
      handle.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_" + column + "_fk FOREIGN KEY ("
          + column + ") REFERENCES " + parent + " (id)" + foreignKeys.onDelete());
    }
  }

  /** A row source of {@code 1..n} in a column {@code x}. */
  static String series(DatabaseKind kind, long n) {
    return kind == DatabaseKind.POSTGRESQL
        ? "generate_series(1, " + n + ") AS s(x)"
        : "SYSTEM_RANGE(1, " + n + ")";
  }
}
