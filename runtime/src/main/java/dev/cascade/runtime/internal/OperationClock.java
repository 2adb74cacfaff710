package dev.cascade.runtime.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The next marker time one runtime (one {@code Jdbi}) may use: the clock's time at the step the
 * operation's columns keep, never in the hour a daylight-saving fall-back repeats (see {@link
 * RepeatedHour}), and always after the last one this runtime gave, so that its own operations
 * never ask the journal for a taken marker. It knows nothing of other runtimes, in this
 * JVM or another: the journal's unique marker keeps them apart (see {@link Markers}).
 */
final class OperationClock {
  private static final Map<Jdbi, OperationClock> BY_RUNTIME = Collections.synchronizedMap(new WeakHashMap<>());

  private final AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);

  /** The clock of the handle's {@code Jdbi}. */
  static OperationClock of(Handle handle) {
    return BY_RUNTIME.computeIfAbsent(handle.getJdbi(), jdbi -> new OperationClock());
  }

  /**
   * The next marker.
   *
   * @param zone the zone the database driver turns times into wall times in: the JVM's
   */
  Instant next(Clock clock, TimeStep step, ZoneId zone) {
    while (true) {
      Instant previous = last.get();
      Instant now = step.truncate(clock.instant());
      Instant next = RepeatedHour.avoid(now.isAfter(previous) ? now : step.after(step.truncate(previous)), zone);
      if (last.compareAndSet(previous, next)) {
        return next;
      }
    }
  }

  /** Remembers a marker another runtime had taken, so that it is not offered again. */
  void taken(Instant marker) {
    last.accumulateAndGet(marker, (a, b) -> a.isAfter(b) ? a : b);
  }
}
