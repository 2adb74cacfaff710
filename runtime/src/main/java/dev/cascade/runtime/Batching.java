package dev.cascade.runtime;

/** The checks {@link BatchOptions} and {@link PurgeOptions} share. */
final class Batching {
  private Batching() {}

  static void requireBatchSize(String options, int batchSize) {
    if (batchSize < 1) {
      throw new CascadeException(options + ": the batch size must be at least 1 row per statement, not " + batchSize);
    }
  }

  static void requireProgress(String options, Object progress) {
    if (progress == null) {
      throw new CascadeException(options + ": the progress callback is null; leave it out for none");
    }
  }
}
