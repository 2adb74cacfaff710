package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Measures what a round trip to PostgreSQL costs, on loopback and through the delaying proxy. */
final class NetworkProbe {
  private static final int ROUND_TRIPS = 200;

  private NetworkProbe() {}

  /** "SELECT 1 round trip (median of 200): 0.031 ms on loopback, 0.560 ms through the proxy". */
  static String roundTrips(Duration delay) {
    try (Database database = Database.create(DatabaseKind.POSTGRESQL);
        DelayingProxy proxy = database.proxy(delay)) {
      double loopback = medianRoundTrip(database.jdbi());
      double proxied = medianRoundTrip(database.through(proxy).jdbi());
      return String.format(Locale.ROOT,
          "a SELECT 1 round trip (median of %d) took %.3f ms on loopback, %.3f ms through the proxy",
          ROUND_TRIPS, loopback, proxied);
    }
  }

  static double medianRoundTrip(Jdbi jdbi) {
    try (Handle handle = jdbi.open()) {
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < ROUND_TRIPS + 20; i++) {
        long start = System.nanoTime();
        handle.createQuery("SELECT 1").mapTo(Integer.class).one();
        if (i >= 20) {
          millis.add((System.nanoTime() - start) / 1e6);
        }
      }
      return Summary.of(millis).median();
    }
  }
}
