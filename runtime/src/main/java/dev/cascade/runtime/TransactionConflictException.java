package dev.cascade.runtime;

/**
 * Another transaction got in this call's way, and nothing was changed: the same call may simply
 * run again. The database gave up on this transaction for a deadlock, a serialization failure
 * (SQLState class {@code 40}), or a lock it waited for too long (PostgreSQL's {@code 55P03},
 * MySQL's and MariaDB's error 1205, H2's {@code HYT00} and its concurrent update {@code 90131},
 * SQLite's {@code SQLITE_BUSY}); or Cascade found that rows it works on changed while it ran (a
 * restore that found its rows restored meanwhile, a trash whose copies and deletes differ). The
 * database's error, where there is one, is the cause.
 *
 * <p>A retry may fail the same way while the other transaction goes on, and a retry of a call that
 * now has nothing to do says so: a restore of a row another instance restored meanwhile fails with
 * {@link NotDeletedException}. A call that ran in the caller's transaction is undone to its
 * savepoint, but retry the caller's whole transaction: MySQL and MariaDB roll all of it back on a
 * deadlock, and at {@code SERIALIZABLE} a retry in the same transaction sees the same snapshot.
 */
public final class TransactionConflictException extends CascadeException {
  private static final long serialVersionUID = 1L;

  /** @param message says what the call was doing and what it ran into */
  public TransactionConflictException(String message) {
    super(message);
  }

  /**
   * @param message says what the call was doing and what it ran into
   * @param cause the database's error
   */
  public TransactionConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
