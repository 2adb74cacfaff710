package dev.cascade.runtime.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The timestamp of each soft delete or trash operation: unique and strictly increasing at the
 * database's precision, so that a restore can tell the rows of one operation from another's.
 */
final class OperationClock {
  private static final AtomicReference<Instant> LAST = new AtomicReference<>(Instant.EPOCH);

  private OperationClock() {}

  static Instant next(ChronoUnit precision) {
    while (true) {
      Instant last = LAST.get();
      Instant now = Instant.now().truncatedTo(precision);
      Instant next = now.isAfter(last) ? now : last.truncatedTo(precision).plus(1, precision);
      if (LAST.compareAndSet(last, next)) {
        return next;
      }
    }
  }
}
