package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.TransactionConflictException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/**
 * Which database errors mean another transaction got in the way, each as its driver reports it
 * (the integration tests meet the lock timeouts and busy databases for real), and the exception a
 * failure becomes.
 */
class SqlFailuresTest {
  @Test
  void deadlocksSerializationFailuresLockTimeoutsAndBusyDatabasesAreConflicts() {
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLTransactionRollbackException("could not serialize", "40001"))))
        .as("serialization failure").isTrue();
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLException("deadlock detected", "40P01")))).as("PostgreSQL deadlock").isTrue();
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLException("lock timeout", "55P03")))).as("PostgreSQL lock_timeout").isTrue();
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLException("Deadlock found", "40001", 1213)))).as("MariaDB deadlock").isTrue();
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205))))
        .as("MariaDB lock wait timeout").isTrue();
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLException("Timeout trying to lock table", "HYT00", 50200))))
        .as("H2 lock timeout").isTrue();
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLException("Concurrent update", "90131", 90131))))
        .as("H2 concurrent update").isTrue();
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLException("[SQLITE_BUSY] The database file is locked", null, 5))))
        .as("SQLite busy").isTrue();
  }

  @Test
  void theMissingTableIsReadFromEachDatabasesMessage() {
    assertThat(SqlFailures.missingTableName(wrapped(new SQLException(
            "ERROR: relation \"bookmark_trash\" does not exist\n  Position: 13", "42P01"))))
        .as("PostgreSQL").contains("bookmark_trash");
    assertThat(SqlFailures.missingTableName(wrapped(new SQLException(
            "ERROR: relation \"app.bookmark\" does not exist", "42P01"))))
        .as("PostgreSQL, with its schema").contains("bookmark");
    assertThat(SqlFailures.missingTableName(wrapped(new SQLException(
            "Table \"BOOKMARK\" not found; SQL statement:\nINSERT INTO bookmark_trash ...", "42S02", 42102))))
        .as("H2").contains("BOOKMARK");
    assertThat(SqlFailures.missingTableName(wrapped(new SQLException(
            "Table \"ACCOUNTNOTES\" not found (candidates are: \"AccountNotes\"); SQL statement:\n...", "42S03", 42103))))
        .as("H2, a table of that name in another case").contains("ACCOUNTNOTES");
    assertThat(SqlFailures.missingTableName(wrapped(new SQLException("Table 'cascade.bookmark' doesn't exist", "42S02", 1146))))
        .as("MariaDB").contains("bookmark");
    assertThat(SqlFailures.missingTableName(wrapped(new SQLException("[SQLITE_ERROR] SQL error or missing database (no such table: bookmark)", null, 1))))
        .as("SQLite").contains("bookmark");
    assertThat(SqlFailures.missingTableName(wrapped(new SQLException("relation \"x\" does not exist", "23505"))))
        .as("not a missing table").isEmpty();
  }

  @Test
  void aLongDriverMessageIsCutInTheFailuresOwnMessageAndKeptWholeInItsCause() {
    String statement = "SELECT " + "x, ".repeat(3_000) + "y FROM t";
    String tail = "... (" + statement.length() + " characters, all in the cause)";
    assertThat(SqlFailures.brief("short")).isEqualTo("short");
    assertThat(SqlFailures.brief(statement))
        .hasSize(SqlFailures.BRIEF + tail.length())
        .startsWith("SELECT x, x, ")
        .endsWith(tail);
  }

  @Test
  void theStatementH2WritesIntoItsMessageIsLeftToTheCause() {
    String h2 = "NULL not allowed for column \"TITLE\"; SQL statement:\nINSERT INTO posts (id, title)"
        + " SELECT posts_trash.id,\nposts_trash.title FROM posts_trash WHERE deletion_id IN (?) [23502-252]";
    assertThat(SqlFailures.brief(h2)).isEqualTo("NULL not allowed for column \"TITLE\" [23502-252]");
    assertThat(SqlFailures.brief("Table \"X\" not found; SQL statement:\nSELECT 1 FROM x"))
        .isEqualTo("Table \"X\" not found");
    assertThat(SqlFailures.brief("ERROR: null value in column \"title\" [x]")).isEqualTo("ERROR: null value in column \"title\" [x]");
  }

  @Test
  void theTableOfARefusingForeignKeyIsReadFromEachDatabasesMessage() {
    assertThat(SqlFailures.referencingTable(wrapped(new SQLException(
            "ERROR: update or delete on table \"users\" violates foreign key constraint \"posts_user_id_fkey\" on table"
                + " \"posts\"\n  Detail: Key (id)=(1) is still referenced from table \"posts\".", "23503"))))
        .as("PostgreSQL").contains("posts");
    assertThat(SqlFailures.referencingTable(wrapped(new SQLException(
            "ERROR: update or delete on table \"users\" violates RESTRICT setting of foreign key constraint"
                + " \"notes_user_id_fkey\" on table \"notes\"\n  Detail: Key (id)=(1) is referenced from table \"notes\".",
            "23001"))))
        .as("PostgreSQL, ON DELETE RESTRICT").contains("notes");
    assertThat(SqlFailures.referencingTable(wrapped(new SQLException(
            "(conn=12) Cannot delete or update a parent row: a foreign key constraint fails (`cascade_t1`.`posts`,"
                + " CONSTRAINT `posts_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`))", "23000", 1451))))
        .as("MariaDB").contains("posts");
    assertThat(SqlFailures.referencingTable(wrapped(new SQLException(
            "Referential integrity constraint violation: \"CONSTRAINT_4: PUBLIC.POSTS FOREIGN KEY(USER_ID) REFERENCES"
                + " PUBLIC.USERS(ID) (CAST(1 AS BIGINT))\"; SQL statement:", "23503"))))
        .as("H2").contains("POSTS");
    assertThat(SqlFailures.referencingTable(wrapped(new SQLException(
            "[SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key constraint failed (FOREIGN KEY constraint failed)", null, 787))))
        .as("SQLite names no table").isEmpty();
  }

  @Test
  void theTableARefusedRowPointsIntoIsReadFromEachDatabasesMessage() {
    assertThat(SqlFailures.referencedTable(wrapped(new SQLException(
            "ERROR: insert or update on table \"deals\" violates foreign key constraint \"deals_account_id_fkey\"\n"
                + "  Detail: Key (account_id)=(1) is not present in table \"accounts\".", "23503"))))
        .as("PostgreSQL").contains("accounts");
    assertThat(SqlFailures.referencedTable(wrapped(new SQLException(
            "Cannot add or update a child row: a foreign key constraint fails (`app`.`deals`, CONSTRAINT `deals_fk`"
                + " FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`))", "23000", 1452))))
        .as("MariaDB").contains("accounts");
    assertThat(SqlFailures.referencedTable(wrapped(new SQLException(
            "Referential integrity constraint violation: \"DEALS_FK: PUBLIC.DEALS FOREIGN KEY(ACCOUNT_ID) REFERENCES"
                + " PUBLIC.ACCOUNTS(ID) (CAST(1 AS BIGINT))\"", "23506"))))
        .as("H2").contains("ACCOUNTS");
    assertThat(SqlFailures.referencedTable(wrapped(new SQLException("[SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key"
            + " constraint failed (FOREIGN KEY constraint failed)", null, 787))))
        .as("SQLite names none").isEmpty();
    assertThat(SqlFailures.referencedTable(wrapped(new SQLException(
            "ERROR: duplicate key value violates unique constraint \"accounts_pkey\"", "23505"))))
        .as("not a foreign key").isEmpty();
  }

  @Test
  void constraintsMissingTablesAndSyntaxAreNotConflicts() {
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLException("relation does not exist", "42P01")))).isFalse();
    assertThat(SqlFailures.transactionConflict(wrapped(new SQLException("[SQLITE_CONSTRAINT] FOREIGN KEY constraint failed", null, 19))))
        .isFalse();
    assertThat(SqlFailures.transactionConflict(new IllegalStateException("no SQL error at all"))).isFalse();
  }

  @Test
  void aForeignKeyRefusingARowIsToldApartFromOtherConstraints() {
    assertThat(SqlFailures.foreignKeyViolation(wrapped(new SQLException("violates foreign key constraint", "23503")))).isTrue();
    assertThat(SqlFailures.foreignKeyViolation(wrapped(new SQLException("violates RESTRICT setting of foreign key constraint", "23001"))))
        .as("PostgreSQL, ON DELETE RESTRICT").isTrue();
    assertThat(SqlFailures.foreignKeyViolation(wrapped(new SQLException("Referential integrity", "23506", 23506)))).isTrue();
    assertThat(SqlFailures.foreignKeyViolation(wrapped(new SQLException("Cannot add or update a child row", "23000", 1452))))
        .isTrue();
    assertThat(SqlFailures.foreignKeyViolation(wrapped(new SQLException("[SQLITE_CONSTRAINT_FOREIGNKEY] FOREIGN KEY constraint failed", null, 19))))
        .isTrue();
    assertThat(SqlFailures.foreignKeyViolation(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(SqlFailures.foreignKeyViolation(wrapped(new SQLException("Duplicate entry", "23000", 1062)))).isFalse();
  }

  @Test
  void aConflictBecomesATransactionConflictExceptionThatSaysToRetryAndAnyOtherFailureACascadeException() {
    CascadeException conflict = SqlFailures.exception("trashing users 5 failed", wrapped(new SQLException("deadlock detected", "40P01")));
    assertThat(conflict)
        .isInstanceOf(TransactionConflictException.class)
        .hasMessage("trashing users 5 failed; another transaction got in the way, so nothing was changed: retry")
        .hasRootCauseInstanceOf(SQLException.class);

    CascadeException other = SqlFailures.exception("trashing users 5 failed", wrapped(new SQLException("duplicate key", "23505")));
    assertThat(other).isNotInstanceOf(TransactionConflictException.class).hasMessage("trashing users 5 failed");
  }

  /** As JDBI hands a driver's error on: as the cause of its own exception. */
  private static RuntimeException wrapped(SQLException sql) {
    return new RuntimeException("statement failed", sql);
  }
}
