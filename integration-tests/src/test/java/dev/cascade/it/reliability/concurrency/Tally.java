package dev.cascade.it.reliability.concurrency;

import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.TransactionConflictException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the threads' calls came to: done, refused by Cascade's own rules (not deleted, parent still
 * deleted), or lost to another transaction, which must arrive as a {@link
 * TransactionConflictException}. Anything else is kept as an error, a deadlock or serialization
 * failure (SQLState class 40) that arrives as any other exception too.
 */
final class Tally {
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong retryable = new AtomicLong();
  private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();

  void succeeded() {
    done.incrementAndGet();
  }

  void failed(RuntimeException e) {
    if (e instanceof TransactionConflictException) {
      retryable.incrementAndGet();
    } else if (!(e instanceof CascadeException) || rolledBackByTheDatabase(e)) {
      errors.add(e);
    } else {
      refused.incrementAndGet();
    }
  }

  /** A deadlock or serialization failure, which a call must report as a conflict. */
  private static boolean rolledBackByTheDatabase(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && String.valueOf(sql.getSQLState()).startsWith("40")) {
        return true;
      }
    }
    return false;
  }

  long operations() {
    return done.get() + refused.get() + retryable.get() + errors.size();
  }

  long done() {
    return done.get();
  }

  long retryable() {
    return retryable.get();
  }

  List<Throwable> errors() {
    return List.copyOf(errors);
  }

  @Override
  public String toString() {
    return operations() + " operations: " + done + " done, " + refused + " refused by Cascade's rules, "
        + retryable + " lost to another transaction (retryable), " + errors.size() + " other errors";
  }
}
