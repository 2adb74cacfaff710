package dev.cascade.it.reliability.concurrency;

import dev.cascade.runtime.CascadeException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the threads' calls came to: done, refused by Cascade's own rules (not deleted, parent still
 * deleted), or lost to a deadlock or serialization failure, which must arrive as a {@link
 * CascadeException} whose cause carries SQLState 40001 or 40P01. Anything else is kept as an error.
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
    if (!(e instanceof CascadeException)) {
      errors.add(e);
    } else if (isRetryable(e)) {
      retryable.incrementAndGet();
    } else {
      refused.incrementAndGet();
    }
  }

  /** The advice of RELIABILITY.md: a call that lost a race changed nothing and can be run again. */
  static boolean isRetryable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && List.of("40001", "40P01").contains(sql.getSQLState())) {
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
        + retryable + " lost to a deadlock or serialization failure (retryable), " + errors.size() + " other errors";
  }
}
