package dev.cascade.it.reliability.concurrency;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every operation the workers ran, with its times and outcome, so that a broken invariant can be
 * explained: the operations on the rows involved, in the order they began.
 */
final class History {
  /**
   * @param start when it began, in nanoseconds since the run began
   * @param end when it ended, likewise
   * @param outcome {@code done}, or the exception's class and the start of its message
   */
  record Entry(long start, long end, int thread, String action, String table, long id, String outcome) {
    @Override
    public String toString() {
      return String.format(
          "%8.3f-%8.3f ms  thread %d  %s %s %s: %s", start / 1e6, end / 1e6, thread, action, table, id < 0 ? "" : id, outcome);
    }
  }

  private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
  private final long origin;

  History(long origin) {
    this.origin = origin;
  }

  long now() {
    return System.nanoTime() - origin;
  }

  void add(Entry entry) {
    entries.add(entry);
  }

  /** The entries on these rows ({@code "comments 20"}), and every restoreAll, in the order they began. */
  List<Entry> touching(Collection<String> rows) {
    return entries.stream()
        .filter(e -> e.id() < 0 || rows.contains(e.table() + " " + e.id()))
        .sorted(Comparator.comparingLong(Entry::start))
        .toList();
  }
}
