package dev.cascade.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Another application's writes while a delete runs: on its own connection, one autocommitted
 * {@code UPDATE} of a random post of a user no run deletes, every {@code interval}, each timed
 * from the moment it was due (a write that waits behind another counts its wait).
 */
final class ConcurrentWriter implements AutoCloseable {
  private final Handle handle;
  private final long firstPost;
  private final long posts;
  private final long intervalNanos;
  private final SplittableRandom random = new SplittableRandom(14);
  private final BackgroundLoop loop = new BackgroundLoop();
  private List<Double> millis = new ArrayList<>();
  private long due;

  /** Writes the posts {@code firstPost} to {@code firstPost + posts - 1}, one every {@code intervalMillis}. */
  ConcurrentWriter(Jdbi jdbi, long firstPost, long posts, double intervalMillis) {
    this.handle = jdbi.open();
    this.firstPost = firstPost;
    this.posts = posts;
    this.intervalNanos = (long) (intervalMillis * 1_000_000);
  }

  void start() {
    millis = Collections.synchronizedList(new ArrayList<>());
    due = System.nanoTime();
    loop.start("concurrent-writer", this::write);
  }

  /** Stops writing; the latencies of the writes since {@link #start}, in milliseconds. */
  Latencies stop() {
    loop.stop();
    return new Latencies(new ArrayList<>(millis));
  }

  /** The next write, once it is due. */
  private void write() {
    long now = System.nanoTime();
    if (now < due) {
      LockSupport.parkNanos(due - now);
      return;
    }
    long post = firstPost + random.nextLong(posts);
    handle.createUpdate("UPDATE posts SET title = :title WHERE id = :id")
        .bind("title", "edited " + now)
        .bind("id", post)
        .execute();
    millis.add((System.nanoTime() - due) / 1e6);
    due += intervalNanos;
  }

  @Override
  public void close() {
    handle.close();
  }

  /** Write latencies, in milliseconds. */
  record Latencies(List<Double> millis) {
    Latencies {
      millis = millis.stream().sorted().toList();
    }

    static Latencies of(List<Latencies> runs) {
      List<Double> all = new ArrayList<>();
      runs.forEach(run -> all.addAll(run.millis()));
      return new Latencies(all);
    }

    double percentile(double p) {
      if (millis.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100 * millis.size()) - 1;
      return millis.get(Math.max(0, Math.min(millis.size() - 1, index)));
    }

    String describe() {
      return String.format(Locale.ROOT, "%.2f / %.2f ms (%d writes)", percentile(50), percentile(99), millis.size());
    }
  }
}
