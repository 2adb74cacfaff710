package dev.cascade.it.reliability.model;

import dev.cascade.it.forum.CommentDeleter;
import dev.cascade.it.forum.CommentRestorer;
import dev.cascade.it.forum.LikeDeleter;
import dev.cascade.it.forum.LikeRestorer;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.RestoreOptions;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Calls the generated deleter or restorer of a forum table by its name. */
final class ForumCalls {
  private ForumCalls() {}

  static DeleteResult destroy(Handle handle, String table, long id, DeleteOptions options) {
    return switch (table) {
      case "users" -> UserDeleter.destroy(handle, id, options);
      case "posts" -> PostDeleter.destroy(handle, id, options);
      case "comments" -> CommentDeleter.destroy(handle, id, options);
      case "likes" -> LikeDeleter.destroy(handle, id, options);
      default -> throw new IllegalArgumentException(table);
    };
  }

  static DeleteResult destroyAll(Handle handle, String table, List<Long> ids, DeleteOptions options) {
    return switch (table) {
      case "users" -> UserDeleter.destroyAll(handle, ids, options);
      case "posts" -> PostDeleter.destroyAll(handle, ids, options);
      case "comments" -> CommentDeleter.destroyAll(handle, ids, options);
      case "likes" -> LikeDeleter.destroyAll(handle, ids, options);
      default -> throw new IllegalArgumentException(table);
    };
  }

  static Object restore(Handle handle, String table, long id, RestoreOptions options) {
    return switch (table) {
      case "users" -> UserRestorer.restore(handle, id, options);
      case "posts" -> PostRestorer.restore(handle, id, options);
      case "comments" -> CommentRestorer.restore(handle, id, options);
      case "likes" -> LikeRestorer.restore(handle, id, options);
      default -> throw new IllegalArgumentException(table);
    };
  }

  static List<?> restoreAll(Handle handle, String table, RestoreOptions options) {
    return switch (table) {
      case "users" -> UserRestorer.restoreAll(handle, options);
      case "posts" -> PostRestorer.restoreAll(handle, options);
      case "comments" -> CommentRestorer.restoreAll(handle, options);
      case "likes" -> LikeRestorer.restoreAll(handle, options);
      default -> throw new IllegalArgumentException(table);
    };
  }
}
