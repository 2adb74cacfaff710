package dev.cascade.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until the test moves it: for deletes "40 days ago" and purges "now". */
public final class MovingClock extends Clock {
  private Instant now;

  public MovingClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock forward. */
  public MovingClock pass(Duration time) {
    now = now.plus(time);
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
