package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
 * must never repeat, at the precision the database keeps.
 */
class OperationClockTest {

  @ParameterizedTest
  @EnumSource(value = ChronoUnit.class, names = {"MICROS", "MILLIS"})
  void eachTimeIsAfterTheLastAndAWholeUnitOfItsPrecision(ChronoUnit precision) {
    Instant last = OperationClock.next(precision);
    for (int i = 0; i < 10_000; i++) {
      Instant next = OperationClock.next(precision);
      assertThat(next).isAfter(last);
      assertThat(next.truncatedTo(precision)).isEqualTo(next);
      last = next;
    }
  }

  @Test
  void timesStayIncreasingWhenPrecisionsAlternate() {
    Instant last = OperationClock.next(ChronoUnit.MICROS);
    for (int i = 0; i < 1_000; i++) {
      ChronoUnit precision = i % 2 == 0 ? ChronoUnit.MILLIS : ChronoUnit.MICROS;
      Instant next = OperationClock.next(precision);
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

    assertThat(OperationClock.next(ChronoUnit.MICROS)).isAfterOrEqualTo(now);
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
            times.add(OperationClock.next(precision));
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
