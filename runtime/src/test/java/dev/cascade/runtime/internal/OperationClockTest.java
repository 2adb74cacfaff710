package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
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
    Instant last = clock.next(UTC, step(precision));
    for (int i = 0; i < 10_000; i++) {
      Instant next = clock.next(UTC, step(precision));
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
      times.add(clock.next(stopped, TimeStep.SECONDS));
    }
    assertThat(times).hasSize(100).allMatch(t -> t.getNano() == 0);
  }

  @Test
  void aMarkerAnotherJvmTookIsNeverOfferedAgain() {
    Instant offered = clock.next(UTC, TimeStep.MICROS);
    Instant taken = offered.plusSeconds(3600);
    clock.taken(taken);

    assertThat(clock.next(UTC, TimeStep.MICROS)).isAfter(taken);
  }

  @Test
  void timesStayIncreasingWhenPrecisionsAlternate() {
    Instant last = clock.next(UTC, TimeStep.MICROS);
    for (int i = 0; i < 1_000; i++) {
      TimeStep precision = i % 2 == 0 ? TimeStep.MILLIS : TimeStep.MICROS;
      Instant next = clock.next(UTC, precision);
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

    assertThat(clock.next(UTC, TimeStep.MICROS)).isAfterOrEqualTo(now);
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
            times.add(clock.next(UTC, step(precision)));
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
}
