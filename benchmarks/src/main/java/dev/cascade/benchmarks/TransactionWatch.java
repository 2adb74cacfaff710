package dev.cascade.benchmarks;

import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL's own view of how long one connection's transactions last: a second connection reads
 * the age of its open transaction from {@code pg_stat_activity} every {@code periodMillis} and
 * keeps the largest, so the longest transaction is known to within the period without trusting
 * the code under test.
 */
final class TransactionWatch implements AutoCloseable {
  private final Handle handle;
  private final long periodNanos;
  private final BackgroundLoop loop = new BackgroundLoop();
  private volatile double longest;

  TransactionWatch(Jdbi jdbi, double periodMillis) {
    this.handle = jdbi.open();
    this.periodNanos = (long) (periodMillis * 1_000_000);
  }

  /** Starts watching the server process {@code pid}. */
  void start(int pid) {
    longest = 0;
    loop.start("transaction-watch", () -> look(pid));
  }

  /** Stops; the longest transaction seen since {@link #start}, in milliseconds. */
  double stop() {
    loop.stop();
    return longest;
  }

  private void look(int pid) {
    double age =
        handle.createQuery(
                "SELECT COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - xact_start) * 1000, 0) FROM pg_stat_activity"
                    + " WHERE pid = :pid")
            .bind("pid", pid)
            .mapTo(Double.class)
            .findOne()
            .orElse(0.0);
    longest = Math.max(longest, age);
    LockSupport.parkNanos(periodNanos);
  }

  /** The server process of a handle, to watch. */
  static int pid(Handle handle) {
    return handle.select("SELECT pg_backend_pid()").mapTo(Integer.class).one();
  }

  @Override
  public void close() {
    handle.close();
  }
}
