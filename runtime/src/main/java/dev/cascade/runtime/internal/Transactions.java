package dev.cascade.runtime.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Runs one call atomically: in a new transaction, or inside the caller's under a savepoint, so
 * that a failure undoes exactly this call and leaves the caller's transaction usable.
 */
final class Transactions {
  private static final AtomicLong SAVEPOINTS = new AtomicLong();

  private Transactions() {}

  static <R> R atomically(Handle handle, Supplier<R> work) {
    if (!handle.isInTransaction()) {
      return handle.inTransaction(h -> work.get());
    }
    String savepoint = "cascade_" + SAVEPOINTS.incrementAndGet();
    handle.savepoint(savepoint);
    R result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      try {
        handle.rollbackToSavepoint(savepoint);
      } catch (RuntimeException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
    handle.releaseSavepoint(savepoint);
    return result;
  }
}
