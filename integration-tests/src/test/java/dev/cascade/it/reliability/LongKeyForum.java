package dev.cascade.it.reliability;

import dev.cascade.it.forum.CommentDeleter;
import dev.cascade.it.forum.CommentRestorer;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.LikeDeleter;
import dev.cascade.it.forum.LikeRestorer;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The forum of {@code dev.cascade.it.forum}: long keys the database generates. */
final class LongKeyForum extends FlavourSql {
  @Override
  public String name() {
    return "long keys";
  }

  @Override
  public String table(String forumTable) {
    return forumTable;
  }

  @Override
  public List<String> tablesWithTrash() {
    return Forum.TABLES_WITH_TRASH;
  }

  @Override
  public void createWithTrash(TestDatabase database) {
    Forum.createWithTrash(database);
  }

  @Override
  public boolean generatesKeys() {
    return true;
  }

  @Override
  public void restartKeys(Handle handle) {
    for (String table : Forum.TABLES) {
      switch (Dialect.of(handle)) {
        case H2, POSTGRESQL -> handle.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH 1");
        case MYSQL -> handle.execute("ALTER TABLE " + table + " AUTO_INCREMENT = 1");
        // AUTOINCREMENT keeps the highest key it gave in sqlite_sequence
        case SQLITE -> handle.execute("DELETE FROM sqlite_sequence WHERE name = ?", table);
      }
    }
  }

  @Override
  public Object newKey(String table, int serial) {
    return null;
  }

  @Override
  public Object absentKey(List<Object> known) {
    return known.isEmpty() ? 1_000_000L : (Long) known.get(known.size() - 1) + 1_000_000L;
  }

  @Override
  public DeleteResult destroy(Handle handle, String table, Object id, DeleteOptions options) {
    long key = (Long) id;
    return switch (table) {
      case "users" -> UserDeleter.destroy(handle, key, options);
      case "posts" -> PostDeleter.destroy(handle, key, options);
      case "comments" -> CommentDeleter.destroy(handle, key, options);
      case "likes" -> LikeDeleter.destroy(handle, key, options);
      default -> throw new IllegalArgumentException(table);
    };
  }

  @Override
  public DeleteResult destroyAll(Handle handle, String table, List<Object> ids, DeleteOptions options) {
    List<Long> keys = ids.stream().map(Long.class::cast).toList();
    return switch (table) {
      case "users" -> UserDeleter.destroyAll(handle, keys, options);
      case "posts" -> PostDeleter.destroyAll(handle, keys, options);
      case "comments" -> CommentDeleter.destroyAll(handle, keys, options);
      case "likes" -> LikeDeleter.destroyAll(handle, keys, options);
      default -> throw new IllegalArgumentException(table);
    };
  }

  @Override
  public BatchResult destroyInBatches(Handle handle, String table, Object id, BatchOptions options) {
    long key = (Long) id;
    return switch (table) {
      case "users" -> UserDeleter.destroyInBatches(handle, key, options);
      case "posts" -> PostDeleter.destroyInBatches(handle, key, options);
      case "comments" -> CommentDeleter.destroyInBatches(handle, key, options);
      case "likes" -> LikeDeleter.destroyInBatches(handle, key, options);
      default -> throw new IllegalArgumentException(table);
    };
  }

  @Override
  public PurgeResult purge(Handle handle, String table, PurgeOptions options) {
    return switch (table) {
      case "users" -> UserDeleter.purge(handle, options);
      case "posts" -> PostDeleter.purge(handle, options);
      case "comments" -> CommentDeleter.purge(handle, options);
      case "likes" -> LikeDeleter.purge(handle, options);
      default -> throw new IllegalArgumentException(table);
    };
  }

  @Override
  public Object restore(Handle handle, String table, Object id, RestoreOptions options) {
    long key = (Long) id;
    return switch (table) {
      case "users" -> UserRestorer.restore(handle, key, options);
      case "posts" -> PostRestorer.restore(handle, key, options);
      case "comments" -> CommentRestorer.restore(handle, key, options);
      case "likes" -> LikeRestorer.restore(handle, key, options);
      default -> throw new IllegalArgumentException(table);
    };
  }

  @Override
  public List<?> restoreAll(Handle handle, String table, RestoreOptions options) {
    return switch (table) {
      case "users" -> UserRestorer.restoreAll(handle, options);
      case "posts" -> PostRestorer.restoreAll(handle, options);
      case "comments" -> CommentRestorer.restoreAll(handle, options);
      case "likes" -> LikeRestorer.restoreAll(handle, options);
      default -> throw new IllegalArgumentException(table);
    };
  }

  @Override
  public List<?> restoreOperation(Handle handle, String table, String deletionId, RestoreOptions options) {
    return switch (table) {
      case "users" -> UserRestorer.restoreOperation(handle, deletionId, options);
      case "posts" -> PostRestorer.restoreOperation(handle, deletionId, options);
      case "comments" -> CommentRestorer.restoreOperation(handle, deletionId, options);
      case "likes" -> LikeRestorer.restoreOperation(handle, deletionId, options);
      default -> throw new IllegalArgumentException(table);
    };
  }
}
