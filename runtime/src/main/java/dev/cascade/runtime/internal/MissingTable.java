package dev.cascade.runtime.internal;

import java.sql.SQLException;
import java.util.Locale;

/**
 * A statement that failed because a table it names does not exist, told by the error itself:
 * PostgreSQL's transaction is aborted by then, so the metadata cannot be asked. SQLState {@code
 * 42P01} (PostgreSQL), {@code 42S02} (MySQL, MariaDB, H2), {@code 42102} (H2), or SQLite's "no such
 * table".
 */
final class MissingTable {
  private MissingTable() {}

  static boolean caused(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        if ("42P01".equals(state) || "42S02".equals(state) || "42102".equals(state) || message.contains("no such table")) {
          return true;
        }
      }
    }
    return false;
  }
}
