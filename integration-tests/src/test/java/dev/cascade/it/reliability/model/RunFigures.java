package dev.cascade.it.reliability.model;

import java.util.concurrent.atomic.AtomicLong;

/** What one property run did, printed at its end for RELIABILITY.md. */
final class RunFigures {
  private final String database;
  private final AtomicLong sequences = new AtomicLong();
  private final AtomicLong steps = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong newKeys = new AtomicLong();
  private final AtomicLong batched = new AtomicLong();
  private final AtomicLong resumed = new AtomicLong();
  private final AtomicLong purged = new AtomicLong();

  RunFigures(String database) {
    this.database = database;
  }

  void sequence() {
    sequences.incrementAndGet();
  }

  void step() {
    steps.incrementAndGet();
  }

  /** A step the model expected Cascade to refuse, and it did, changing nothing. */
  void refused() {
    refused.incrementAndGet();
  }

  /** A restore that gave a root whose id was taken a new key, as the model expected. */
  void newKey() {
    newKeys.incrementAndGet();
  }

  /** A {@code destroyInBatches} that deleted its row, as the model expected; {@code resumed} when stopped between batches and finished by a second call. */
  void batched(boolean resumed) {
    batched.incrementAndGet();
    if (resumed) {
      this.resumed.incrementAndGet();
    }
  }

  /** Operations a purge removed for good, as the model expected. */
  void purged(long operations) {
    purged.addAndGet(operations);
  }

  @Override
  public String toString() {
    return "[cascade-reliability] model-based on " + database + ": " + sequences + " sequences, " + steps
        + " steps (" + refused + " refused as expected, " + newKeys + " restores under new keys, " + batched
        + " batched deletes (" + resumed + " stopped between batches and finished), " + purged + " operations purged), every step compared"
        + " row by row";
  }
}
