package dev.cascade.it.reliability;

import dev.cascade.it.forum.Forum;
import dev.cascade.it.uuidforum.CommentDeleter;
import dev.cascade.it.uuidforum.CommentRestorer;
import dev.cascade.it.uuidforum.LikeDeleter;
import dev.cascade.it.uuidforum.LikeRestorer;
import dev.cascade.it.uuidforum.PostDeleter;
import dev.cascade.it.uuidforum.PostRestorer;
import dev.cascade.it.uuidforum.UserDeleter;
import dev.cascade.it.uuidforum.UserRestorer;
import dev.cascade.it.uuidforum.UuidForum;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The forum of {@code dev.cascade.it.uuidforum}: UUID keys that the application makes, so a
 * restore cannot give a root whose id was taken a new one. Keys are name-based UUIDs of the table
 * and a serial number, scattered like random ones but the same in every run.
 */
final class UuidKeyForum extends FlavourSql {
  @Override
  public String name() {
    return "UUID keys";
  }

  @Override
  public String table(String forumTable) {
    return UuidForum.PREFIX + forumTable;
  }

  @Override
  public List<String> tablesWithTrash() {
    return Forum.TABLES_WITH_TRASH.stream().map(this::table).toList();
  }

  @Override
  public void createWithTrash(TestDatabase database) {
    UuidForum.createWithTrash(database);
  }

  @Override
  public boolean generatesKeys() {
    return false;
  }

  @Override
  public Object newKey(String table, int serial) {
    return UUID.nameUUIDFromBytes((table + " " + serial).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Object key(Object fromDatabase) {
    return fromDatabase instanceof String text ? UUID.fromString(text) : fromDatabase;
  }

  @Override
  public Object absentKey(List<Object> known) {
    return UUID.nameUUIDFromBytes("a row no table has had".getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public DeleteResult destroy(Handle handle, String table, Object id, DeleteOptions options) {
    UUID key = (UUID) id;
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
    List<UUID> keys = ids.stream().map(UUID.class::cast).toList();
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
    UUID key = (UUID) id;
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
    UUID key = (UUID) id;
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
