package dev.cascade.runtime.internal;

import java.time.Instant;

/**
 * The finest difference a time column keeps: one second for MySQL's {@code DATETIME} or {@code
 * TIMESTAMP(0)}, one microsecond for {@code TIMESTAMP(6)}.
 *
 * @param nanos the step in nanoseconds, a power of ten
 */
record TimeStep(long nanos) {
  static final TimeStep MICROS = new TimeStep(1_000);
  static final TimeStep MILLIS = new TimeStep(1_000_000);
  static final TimeStep SECONDS = new TimeStep(1_000_000_000);

  /** The step of a column with this many fractional digits of a second (none to nine). */
  static TimeStep ofFractionalDigits(int digits) {
    long nanos = 1_000_000_000L;
    for (int i = 0; i < Math.max(0, Math.min(9, digits)); i++) {
      nanos /= 10;
    }
    return new TimeStep(nanos);
  }

  /** The coarser of the two. */
  TimeStep coarser(TimeStep other) {
    return nanos >= other.nanos ? this : other;
  }

  /** The time, its finer digits dropped. */
  Instant truncate(Instant time) {
    return time.minusNanos(time.getNano() % nanos);
  }

  Instant after(Instant time) {
    return time.plusNanos(nanos);
  }
}
