package dev.cascade.runtime.internal;

import java.sql.SQLException;
import java.util.Locale;

/**
 * A statement that failed on a constraint, told by the error itself: SQLState class {@code 23}
 * (PostgreSQL, H2, MySQL, MariaDB), or SQLite's "constraint failed".
 */
final class IntegrityViolation {
  private IntegrityViolation() {}

  static boolean caused(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        if ((state != null && state.startsWith("23")) || message.contains("constraint failed")) {
          return true;
        }
      }
    }
    return false;
  }
}
