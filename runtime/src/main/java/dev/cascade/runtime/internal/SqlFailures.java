package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.TransactionConflictException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;

/**
 * What a failed statement ran into, and the exception that says so, told by the error itself (any
 * {@link SQLException} among its causes): on PostgreSQL the transaction is aborted by then, so the
 * database cannot be asked.
 */
final class SqlFailures {
  /** Where PostgreSQL's, MySQL's and MariaDB's, and H2's messages name a refusing foreign key's table. */
  private static final List<Pattern> REFERENCING =
      List.of(
          Pattern.compile("violates (?:RESTRICT setting of )?foreign key constraint \"[^\"]*\" on table \"([^\"]+)\""),
          Pattern.compile("a foreign key constraint fails \\(`[^`]*`\\.`([^`]+)`"),
          Pattern.compile("(?:\"?[\\w$]+\"?\\.)\"?([\\w$]+)\"? FOREIGN KEY\\("));

  /**
   * Where H2's and MySQL's and MariaDB's messages name a refusing foreign key's columns: {@code
   * FOREIGN KEY(FLAGSHIP_COURSE_CODE)}, {@code FOREIGN KEY (`flagship_course_code`)}. PostgreSQL's
   * names only the constraint.
   */
  private static final List<Pattern> REFERENCING_COLUMNS = List.of(Pattern.compile("FOREIGN KEY ?\\(([^)]+)\\) REFERENCES"));

  /** Where PostgreSQL's message names a refusing foreign key's constraint, and its table. */
  private static final Pattern POSTGRESQL_CONSTRAINT =
      Pattern.compile("violates (?:RESTRICT setting of )?foreign key constraint \"([^\"]+)\" on table \"([^\"]+)\"");

  /**
   * Where PostgreSQL's, MySQL's and MariaDB's, and H2's messages name the table a refused row
   * points into: {@code is not present in table "users"}, {@code REFERENCES `users`}, {@code
   * REFERENCES PUBLIC.USERS(ID)}.
   */
  private static final List<Pattern> REFERENCED =
      List.of(
          Pattern.compile("is not present in table \"([^\"]+)\""),
          Pattern.compile("REFERENCES `([^`]+)`"),
          Pattern.compile("REFERENCES (?:\"?[\\w$]+\"?\\.)?\"?([\\w$]+)\"?\\("));

  /** The table a statement named that does not exist, as each database's message names it. */
  private static final List<Pattern> MISSING_TABLE =
      List.of(
          Pattern.compile("relation \"(?:[^\"]+\\.)?([^\"]+)\" does not exist"),
          Pattern.compile("(?i)Table \"([^\"]+)\" not found"),
          Pattern.compile("Table '(?:[^'.]*\\.)?([^'.]+)' doesn't exist"),
          Pattern.compile("no such table: (?:[\\w$]+\\.)?([\\w$]+)"));

  /** Where PostgreSQL's and H2's, MySQL's and MariaDB's, and SQLite's messages name a column that took a null. */
  private static final List<Pattern> NULL_COLUMN =
      List.of(
          Pattern.compile("(?i)null value in column \"([^\"]+)\""),
          Pattern.compile("(?i)NULL not allowed for column \"([^\"]+)\""),
          Pattern.compile("(?:Column|Field) '([^']+)' (?:cannot be null|doesn't have a default value)"),
          Pattern.compile("NOT NULL constraint failed: [^.\\s]+\\.([\\w$]+)"));

  /** The table of a column that takes no null, where the message names it (PostgreSQL, SQLite). */
  private static final List<Pattern> NULL_COLUMN_TABLE =
      List.of(
          Pattern.compile("(?i)null value in column \"[^\"]+\" of relation \"([^\"]+)\""),
          Pattern.compile("NOT NULL constraint failed: ([^.\\s]+)\\.[\\w$]+"));

  private SqlFailures() {}

  /**
   * A table the statement names does not exist: SQLState {@code 42P01} (PostgreSQL), {@code 42S02}
   * (MySQL, MariaDB, H2), {@code 42102} (H2), {@code 42S03} (H2, which then names the tables of that
   * name in another case), or SQLite's "no such table".
   */
  static boolean missingTable(Throwable failure) {
    return anyCause(
        failure,
        sql -> "42P01".equals(sql.getSQLState()) || "42S02".equals(sql.getSQLState())
            || "42102".equals(sql.getSQLState()) || "42S03".equals(sql.getSQLState())
            || message(sql).contains("no such table"));
  }

  /**
   * A constraint failed: SQLState class {@code 23} (PostgreSQL, H2, MySQL, MariaDB), or SQLite's
   * "constraint failed".
   */
  static boolean integrityViolation(Throwable failure) {
    return anyCause(
        failure,
        sql -> (sql.getSQLState() != null && sql.getSQLState().startsWith("23"))
            || message(sql).contains("constraint failed"));
  }

  /**
   * A foreign key refused a row: SQLState {@code 23503} (PostgreSQL, H2), PostgreSQL's {@code
   * 23001} for a key {@code ON DELETE RESTRICT}, H2's {@code 23506}, MySQL's and MariaDB's errors
   * 1451 and 1452, or SQLite's "FOREIGN KEY constraint failed".
   */
  static boolean foreignKeyViolation(Throwable failure) {
    return anyCause(
        failure,
        sql -> "23503".equals(sql.getSQLState()) || "23001".equals(sql.getSQLState()) || "23506".equals(sql.getSQLState())
            || sql.getErrorCode() == 1451 || sql.getErrorCode() == 1452
            || message(sql).contains("foreign key constraint failed"));
  }

  /** The table that the failure says does not exist, as its message names it (H2 in upper case). */
  static Optional<String> missingTableName(Throwable failure) {
    return missingTable(failure) ? firstMatch(failure, MISSING_TABLE) : Optional.empty();
  }

  /**
   * The table whose foreign key refused a delete, as the database's message names it: PostgreSQL's
   * {@code violates foreign key constraint "..." on table "posts"}, MySQL's and MariaDB's {@code a
   * foreign key constraint fails (`db`.`posts`, ...}, H2's {@code PUBLIC.POSTS FOREIGN KEY(...)};
   * empty where it names none (SQLite).
   */
  static Optional<String> referencingTable(Throwable failure) {
    return firstMatch(failure, REFERENCING);
  }

  /**
   * The column of the foreign key that refused a delete, where the database's message says it: H2
   * and MySQL or MariaDB name it (the first, for a key of several columns); PostgreSQL names the
   * constraint, which says it where it has the name PostgreSQL gives one, {@code
   * schools_flagship_course_code_fkey}; empty otherwise (SQLite names neither).
   */
  static Optional<String> referencingColumn(Throwable failure) {
    Optional<String> named =
        firstMatch(failure, REFERENCING_COLUMNS).map(columns -> columns.split(",")[0].trim().replaceAll("[`\"]", ""));
    if (named.isPresent()) {
      return named;
    }
    return firstMatcher(failure, List.of(POSTGRESQL_CONSTRAINT)).flatMap(constraint -> {
      String name = constraint.group(1);
      String prefix = constraint.group(2) + "_";
      return name.startsWith(prefix) && name.endsWith("_fkey") && name.length() > prefix.length() + "_fkey".length()
          ? Optional.of(name.substring(prefix.length(), name.length() - "_fkey".length()))
          : Optional.empty();
    });
  }

  /**
   * The table a row that a foreign key refused points into, as the database's message names it
   * (H2 in upper case); empty where it names none (SQLite).
   */
  static Optional<String> referencedTable(Throwable failure) {
    return foreignKeyViolation(failure) ? firstMatch(failure, REFERENCED) : Optional.empty();
  }

  /** The first group of the first pattern that any {@link SQLException} among the causes' messages matches. */
  private static Optional<String> firstMatch(Throwable failure, List<Pattern> patterns) {
    return firstMatcher(failure, patterns).map(match -> match.group(1));
  }

  /** The match of the first pattern that any {@link SQLException} among the causes' messages matches. */
  private static Optional<MatchResult> firstMatcher(Throwable failure, List<Pattern> patterns) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getMessage() != null) {
        for (Pattern pattern : patterns) {
          Matcher matcher = pattern.matcher(sql.getMessage());
          if (matcher.find()) {
            return Optional.of(matcher.toMatchResult());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A unique constraint refused a row: SQLState {@code 23505} (PostgreSQL, H2), MySQL's and
   * MariaDB's error 1062, or SQLite's "UNIQUE constraint failed".
   */
  static boolean uniqueViolation(Throwable failure) {
    return anyCause(
        failure,
        sql -> "23505".equals(sql.getSQLState()) || sql.getErrorCode() == 1062
            || message(sql).contains("unique constraint failed"));
  }

  /**
   * A value of one type went into a column of another that the database does not convert on its
   * own: PostgreSQL's SQLState {@code 42804}, {@code column "metadata" is of type jsonb but expression
   * is of type text}.
   */
  static boolean typeMismatch(Throwable failure) {
    return anyCause(failure, sql -> "42804".equals(sql.getSQLState()));
  }

  /**
   * A column that takes no null got one: SQLState {@code 23502} (PostgreSQL, H2), MySQL's and
   * MariaDB's errors 1048 ("cannot be null") and 1364 ("doesn't have a default value"), or
   * SQLite's "NOT NULL constraint failed".
   */
  static boolean notNullViolation(Throwable failure) {
    return anyCause(
        failure,
        sql -> "23502".equals(sql.getSQLState()) || sql.getErrorCode() == 1048 || sql.getErrorCode() == 1364
            || message(sql).contains("not null constraint failed"));
  }

  /**
   * A statement gave a value to a column the database computes ({@code GENERATED ALWAYS AS}):
   * every database's message says "generated column" (PostgreSQL in its detail).
   */
  static boolean computedColumn(Throwable failure) {
    return anyCause(failure, sql -> message(sql).contains("generated column"));
  }

  /** The column a {@link #notNullViolation} names, as the database's message spells it. */
  static Optional<String> nullColumn(Throwable failure) {
    return firstMatch(failure, NULL_COLUMN);
  }

  /** The table of {@link #nullColumn}'s column, where the database's message names it. */
  static Optional<String> nullColumnTable(Throwable failure) {
    return firstMatch(failure, NULL_COLUMN_TABLE);
  }

  /** The longest driver message a {@link CascadeException}'s own message repeats; its cause keeps it whole. */
  static final int BRIEF = 1_500;

  /** The statement H2 writes into its messages, before its error code: {@code ; SQL statement:\nINSERT ... [23502-252]}. */
  private static final Pattern H2_STATEMENT = Pattern.compile("; SQL statement:\n.*?( \\[\\d+-\\d+])?$", Pattern.DOTALL);

  /**
   * A driver's message as a failure's message repeats it: without the statement H2 writes into it
   * (a generated restore's {@code INSERT} is a paragraph), cut after {@value #BRIEF} characters, as
   * some write every bound id (JDBI): 8,000 and 20,000 characters on one line of a log in a
   * newcomer's trial.
   */
  static String brief(String message) {
    if (message == null) {
      return null;
    }
    String shown = H2_STATEMENT.matcher(message).replaceFirst("$1");
    if (shown.length() <= BRIEF) {
      return shown;
    }
    return shown.substring(0, BRIEF) + "... (" + message.length() + " characters, all in the cause)";
  }

  /** The driver's message of a JDBI failure, {@link #brief} (JDBI's own repeats the statement and its arguments). */
  static String briefCause(JdbiException failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return brief(cause.getMessage());
  }

  /**
   * The exception for a statement or transaction that failed: a {@link TransactionConflictException}
   * that says to retry when another transaction got in the way, a {@link CascadeException} otherwise.
   *
   * @param message what failed, for what, and the database's message
   */
  static CascadeException exception(String message, Throwable failure) {
    if (transactionConflict(failure)) {
      return new TransactionConflictException(
          message + "; another transaction got in the way, so " + NOTHING_CHANGED + ": retry", failure);
    }
    if (missingColumn(failure)) {
      return new CascadeException(message + "; " + MISSING_COLUMN, failure);
    }
    return new CascadeException(message, failure);
  }

  /**
   * What a statement that names a column its table lacks adds to the database's message, which
   * names the table the statement failed on: that may be a trash table whose column is missing only
   * because the record misspells the column of the table itself (a newcomer's trial).
   */
  static final String MISSING_COLUMN =
      "a column the model names is missing from its table or its trash table: SchemaCheck.problems(handle, true,"
          + " XDeleter.schema()) names each such column and what to do";

  /**
   * A statement named a column its table lacks: SQLState {@code 42703} (PostgreSQL), {@code 42S22}
   * (MySQL, MariaDB), {@code 42122} (H2), or SQLite's "no such column" and "has no column named".
   */
  static boolean missingColumn(Throwable failure) {
    return anyCause(
        failure,
        sql -> "42703".equals(sql.getSQLState()) || "42S22".equals(sql.getSQLState()) || "42122".equals(sql.getSQLState())
            || message(sql).contains("no such column") || message(sql).contains("has no column named"));
  }

  /** What a failed call's message says it changed, for a call that runs in one transaction. */
  static final String NOTHING_CHANGED = "nothing was changed";

  /**
   * The failure of one batch after {@code committed} batches of the same call had committed: its
   * message, written for a call in one transaction, says that nothing was changed, which the batches
   * before it deny (a newcomer's trial read it so). Says instead that this batch was undone and the
   * batches before it stay. Other failures, and those of a kind of their own, are returned as they are.
   */
  static CascadeException afterBatches(CascadeException failure, long committed) {
    String message = failure.getMessage();
    int at = message.lastIndexOf(NOTHING_CHANGED);
    if (at < 0 || committed == 0) {
      return failure;
    }
    return reworded(
        failure,
        message.substring(0, at) + "this batch was undone, and the " + committed
            + (committed == 1 ? " batch" : " batches") + " before it stay committed: call again to go on");
  }

  /** The failure, of the same kind (a retry or not), with more said at its end. */
  static CascadeException withMore(CascadeException failure, String more) {
    return reworded(failure, failure.getMessage() + more);
  }

  /**
   * The failure with another message, of the same kind where it is a plain {@link CascadeException}
   * or a {@link TransactionConflictException}; any other kind, whose fields say more, as it is.
   */
  private static CascadeException reworded(CascadeException failure, String message) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    if (failure.getClass() == TransactionConflictException.class) {
      return new TransactionConflictException(message, cause);
    }
    return failure.getClass() == CascadeException.class ? new CascadeException(message, cause) : failure;
  }

  /**
   * Another transaction got in the way, so the same call may run again: SQLState class {@code 40}
   * (serialization failures, deadlocks), PostgreSQL's lock timeout {@code 55P03}, MySQL's and
   * MariaDB's lock wait timeout (error 1205) and deadlock (1213), H2's lock timeout {@code HYT00} and
   * concurrent update {@code 90131}, or SQLite's {@code SQLITE_BUSY}.
   */
  static boolean transactionConflict(Throwable failure) {
    return anyCause(
        failure,
        sql -> {
          String state = String.valueOf(sql.getSQLState());
          return state.startsWith("40") || state.equals("55P03") || state.equals("HYT00") || state.equals("90131")
              || sql.getErrorCode() == 1205 || sql.getErrorCode() == 1213 || message(sql).startsWith("[sqlite_busy");
        });
  }

  /**
   * The database rolled the whole transaction back, savepoints and all: a deadlock on MySQL and
   * MariaDB (error 1213). PostgreSQL keeps the savepoints of a transaction a statement failed in.
   */
  static boolean transactionRolledBack(Throwable failure) {
    return anyCause(failure, sql -> sql.getErrorCode() == 1213);
  }

  private static boolean anyCause(Throwable failure, Predicate<SQLException> test) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && test.test(sql)) {
        return true;
      }
    }
    return false;
  }

  private static String message(SQLException sql) {
    return String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
  }
}
