package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionException;

/**
 * Runs one call atomically: in a new transaction, or inside the caller's under a savepoint, so
 * that a failure undoes exactly this call and leaves the caller's transaction usable. A failure
 * of the transaction itself (a commit refused for a serialization failure or a deadlock, a
 * savepoint the caller's aborted transaction cannot take) is a {@link CascadeException} too,
 * carrying the database's error as its cause: a {@link
 * dev.cascade.runtime.TransactionConflictException} when another transaction got in the way.
 */
final class Transactions {
  private static final AtomicLong SAVEPOINTS = new AtomicLong();

  private Transactions() {}

  /**
   * Fails, changing nothing, when the handle is in a transaction: {@code call} commits batch by
   * batch, which the caller's transaction would undo, or hold open, as one.
   *
   * @param call what was called, on what: {@code destroyInBatches of users 5}
   * @param instead what to call in the caller's transaction instead, as the end of the message's
   *     sentence (empty where there is nothing): {@code " (or use destroy, which joins the caller's
   *     transaction)"}
   */
  static void requireNone(Handle handle, String call, String instead) {
    if (handle.isInTransaction()) {
      throw new CascadeException(
          call + " needs a handle that is not in a transaction, since it commits batch by batch; this one is in one:"
              + " commit or roll it back first" + instead + ". In Spring, call it from a method that runs outside a"
              + " transaction (not @Transactional, or Propagation.NOT_SUPPORTED); a connection whose auto-commit is"
              + " off is always in one (spring.datasource.hikari.auto-commit=false)");
    }
  }

  /**
   * Fails, changing nothing, when the handle's connection says it is read-only, as Spring's
   * {@code @Transactional(readOnly = true)} makes it on PostgreSQL and MariaDB, whose refusal of
   * the first write would not say why. H2's driver keeps no such flag, and writes all the same;
   * SQLite's takes none once the connection is open. A driver that cannot tell leaves it to the
   * database.
   *
   * @param call what was called, on what: {@code destroy of users 5}
   */
  static void requireWritable(Handle handle, String call) {
    try {
      if (!handle.getConnection().isReadOnly()) {
        return;
      }
    } catch (SQLException e) {
      return;
    }
    throw new CascadeException(
        call + " writes, but the handle's connection is read-only (in Spring, a @Transactional(readOnly = true)"
            + " method), so " + SqlFailures.NOTHING_CHANGED + ": call it in a transaction that is not read-only");
  }

  /** @param subject what the call works on, for messages: {@code users 5} */
  static <R> R atomically(Handle handle, Object subject, Supplier<R> work) {
    if (!handle.isInTransaction()) {
      try {
        return handle.inTransaction(h -> work.get());
      } catch (TransactionException e) {
        throw failure("the transaction", subject, e);
      }
    }
    String savepoint = "cascade_" + SAVEPOINTS.incrementAndGet();
    try {
      handle.savepoint(savepoint);
    } catch (TransactionException e) {
      throw failure("a savepoint in the caller's transaction", subject, e);
    }
    R result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      // After a deadlock MariaDB has rolled the caller's transaction back, and the savepoint with
      // it: rolling back to it would fail too ("SAVEPOINT ... does not exist", a second error in
      // the driver's log for every deadlock; a newcomer's trial counted 1,354 in 30 s).
      if (!SqlFailures.transactionRolledBack(e)) {
        try {
          handle.rollbackToSavepoint(savepoint);
        } catch (RuntimeException rollback) {
          e.addSuppressed(rollback);
        }
      }
      throw e;
    }
    try {
      handle.releaseSavepoint(savepoint);
    } catch (TransactionException e) {
      throw failure("releasing the savepoint in the caller's transaction", subject, e);
    }
    return result;
  }

  private static CascadeException failure(String what, Object subject, TransactionException e) {
    String state = "";
    String message = e.getMessage();
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      message = cause.getMessage();
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        state = " (SQLState " + sql.getSQLState() + ")";
        break;
      }
    }
    String failed = what + " for " + subject + " failed" + state + ": " + message;
    return SqlFailures.transactionConflict(e)
        ? SqlFailures.exception(failed, e)
        : new CascadeException(failed + "; " + SqlFailures.NOTHING_CHANGED, e);
  }
}
