package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The marker time of each soft delete or trash: a restore tells operations apart by it, so it
 * must never repeat, at the precision the database keeps. (Across JVMs the journal decides; see
 * the integration tests.)
 */
class OperationClockTest {
  private static final Clock UTC = Clock.systemUTC();
  private final OperationClock clock = new OperationClock();

  private static TimeStep step(ChronoUnit precision) {
    return new TimeStep(precision.getDuration().toNanos());
  }

  @ParameterizedTest
  @EnumSource(value = ChronoUnit.class, names = {"MICROS", "MILLIS", "SECONDS"})
  void eachTimeIsAfterTheLastAndAWholeUnitOfItsPrecision(ChronoUnit precision) {
    Instant last = clock.next(UTC, step(precision), ZoneOffset.UTC);
    for (int i = 0; i < 10_000; i++) {
      Instant next = clock.next(UTC, step(precision), ZoneOffset.UTC);
      assertThat(next).isAfter(last);
      assertThat(next.truncatedTo(precision)).isEqualTo(next);
      last = next;
    }
  }

  @Test
  void aStoppedClockStillGivesTimesThatNeverRepeat() {
    Clock stopped = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    Set<Instant> times = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      times.add(clock.next(stopped, TimeStep.SECONDS, ZoneOffset.UTC));
    }
    assertThat(times).hasSize(100).allMatch(t -> t.getNano() == 0);
  }

  @Test
  void aMarkerAnotherJvmTookIsNeverOfferedAgain() {
    Instant offered = clock.next(UTC, TimeStep.MICROS, ZoneOffset.UTC);
    Instant taken = offered.plusSeconds(3600);
    clock.taken(taken);

    assertThat(clock.next(UTC, TimeStep.MICROS, ZoneOffset.UTC)).isAfter(taken);
  }

  @Test
  void timesStayIncreasingWhenPrecisionsAlternate() {
    Instant last = clock.next(UTC, TimeStep.MICROS, ZoneOffset.UTC);
    for (int i = 0; i < 1_000; i++) {
      TimeStep precision = i % 2 == 0 ? TimeStep.MILLIS : TimeStep.MICROS;
      Instant next = clock.next(UTC, precision, ZoneOffset.UTC);
      assertThat(next).isAfter(last);
      last = next;
    }
  }

  /**
   * Never behind the wall clock. (It may run ahead: asked more often than once per unit of its
   * precision, it hands out the next unit, as the tests here do by the thousand.)
   */
  @Test
  void timesAreNeverBehindTheWallClock() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    assertThat(clock.next(UTC, TimeStep.MICROS, ZoneOffset.UTC)).isAfterOrEqualTo(now);
  }

  @ParameterizedTest
  @EnumSource(value = ChronoUnit.class, names = {"MICROS", "MILLIS"})
  void threadsAskingAtOnceNeverGetTheSameTime(ChronoUnit precision) throws Exception {
    int threads = 8;
    int each = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<Instant>>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        work.add(() -> {
          List<Instant> times = new ArrayList<>(each);
          for (int i = 0; i < each; i++) {
            times.add(clock.next(UTC, step(precision), ZoneOffset.UTC));
          }
          return times;
        });
      }
      Set<Instant> all = new HashSet<>();
      for (Future<List<Instant>> times : pool.invokeAll(work)) {
        List<Instant> own = times.get();
        assertThat(own).isSorted().doesNotHaveDuplicates();
        all.addAll(own);
      }
      assertThat(all).hasSize(threads * each);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void markersSkipTheHourThatAFallBackRepeatsSoThatTheirWallTimesDiffer() {
    // New York falls back on 2027-11-07 at 06:00Z: wall times 01:00-02:00 come twice (EDT, then EST).
    ZoneId newYork = ZoneId.of("America/New_York");
    Instant first = clock.next(Clock.fixed(Instant.parse("2027-11-07T05:30:00Z"), newYork), TimeStep.MICROS, newYork);
    Instant second = clock.next(Clock.fixed(Instant.parse("2027-11-07T06:30:00Z"), newYork), TimeStep.MICROS, newYork);

    assertThat(first).as("the end of the repeated hour, 02:00 EST").isEqualTo(Instant.parse("2027-11-07T07:00:00Z"));
    assertThat(second).isEqualTo(Instant.parse("2027-11-07T07:00:00.000001Z"));
    assertThat(LocalDateTime.ofInstant(first, newYork)).isNotEqualTo(LocalDateTime.ofInstant(second, newYork));
  }

  @Test
  void markersOutsideARepeatedHourOrInAZoneWithoutOneAreTheClocksTime() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Instant springForward = Instant.parse("2027-03-14T07:30:00Z"); // 03:30 EDT, just after the gap
    Instant beforeFallBack = Instant.parse("2027-11-07T04:59:59Z"); // 00:59:59 EDT

    assertThat(RepeatedHour.avoid(springForward, newYork)).isEqualTo(springForward);
    assertThat(RepeatedHour.avoid(beforeFallBack, newYork)).isEqualTo(beforeFallBack);
    assertThat(RepeatedHour.avoid(Instant.parse("2027-11-07T05:30:00Z"), ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
  }
}
