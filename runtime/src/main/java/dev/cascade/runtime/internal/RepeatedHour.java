package dev.cascade.runtime.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The hour a daylight-saving fall-back repeats in a time zone. A soft-delete or trash time column
 * without a time zone ({@code TIMESTAMP}, MySQL's {@code DATETIME}) stores the wall time the driver
 * turns a marker into, in the JVM's zone; within the repeated hour, two markers an hour apart are
 * stored as the same wall time, and a restore could not tell their operations apart. So a marker
 * never falls in that hour: one that would moves to the hour's end, where wall times are unique
 * again (at most two hours ahead of the clock, once a year).
 */
final class RepeatedHour {
  private RepeatedHour() {}

  /** The marker, or the end of the repeated hour its wall time in {@code zone} falls in. */
  static Instant avoid(Instant marker, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset()) {
      return marker;
    }
    ZoneOffsetTransition transition = rules.getTransition(LocalDateTime.ofInstant(marker, zone));
    if (transition == null || !transition.isOverlap()) {
      return marker;
    }
    return transition.getDateTimeBefore().toInstant(transition.getOffsetAfter());
  }
}
