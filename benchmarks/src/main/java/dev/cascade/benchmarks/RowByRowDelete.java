package dev.cascade.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What ORM delete hooks do ({@code dependent: :destroy}, {@code @PreRemove} handlers): for each
 * row, select its children's ids, delete each child the same way, then delete the row by id.
 * Plain JDBC with reused prepared statements, in one transaction; one round trip per row.
 */
final class RowByRowDelete implements Contender {
  @Override
  public String name() {
    return "row-by-row JDBC recursion (plain FKs)";
  }

  @Override
  public ForeignKeys foreignKeys() {
    return ForeignKeys.NO_ACTION;
  }

  @Override
  public Effect effect() {
    return Effect.DELETES;
  }

  @Override
  public boolean slow() {
    return true;
  }

  @Override
  public Operation open(Database database) {
    return userId -> {
      try {
        database.jdbi().useTransaction(h -> new Recursion(h.getConnection()).deleteUser(userId));
      } catch (SQLException e) {
        throw new IllegalStateException("row-by-row delete of user " + userId + " failed", e);
      }
    };
  }

  /** The statements of one delete. */
  private static final class Recursion {
    private final Connection connection;

    Recursion(Connection connection) {
      this.connection = connection;
    }

    void deleteUser(long userId) throws SQLException {
      try (PreparedStatement posts = connection.prepareStatement("SELECT id FROM posts WHERE user_id = ?");
          PreparedStatement comments = connection.prepareStatement("SELECT id FROM comments WHERE post_id = ?");
          PreparedStatement likes = connection.prepareStatement("SELECT id FROM likes WHERE comment_id = ?");
          PreparedStatement deleteLike = connection.prepareStatement("DELETE FROM likes WHERE id = ?");
          PreparedStatement deleteComment = connection.prepareStatement("DELETE FROM comments WHERE id = ?");
          PreparedStatement deletePost = connection.prepareStatement("DELETE FROM posts WHERE id = ?");
          PreparedStatement deleteUser = connection.prepareStatement("DELETE FROM users WHERE id = ?")) {
        for (long post : ids(posts, userId)) {
          for (long comment : ids(comments, post)) {
            for (long like : ids(likes, comment)) {
              delete(deleteLike, like);
            }
            delete(deleteComment, comment);
          }
          delete(deletePost, post);
        }
        delete(deleteUser, userId);
      }
    }

    private static List<Long> ids(PreparedStatement select, long parentId) throws SQLException {
      select.setLong(1, parentId);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      return ids;
    }

    private static void delete(PreparedStatement delete, long id) throws SQLException {
      delete.setLong(1, id);
      delete.executeUpdate();
    }
  }
}
