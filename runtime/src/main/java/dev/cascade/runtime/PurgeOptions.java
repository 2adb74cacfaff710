package dev.cascade.runtime;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * What {@code XDeleter.purge} (and {@link Journal#purge}) removes for good, and how: the operations
 * deleted before now minus {@code age}, in batches.
 *
 * <pre>{@code
 * PurgeResult purged = UserDeleter.purge(handle, PurgeOptions.olderThan(Duration.ofDays(30)));
 * PurgeResult wouldBe = Journal.purge(handle, PurgeOptions.olderThan(Duration.ofDays(30)).withDryRun(true));
 * }</pre>
 *
 * @param age operations whose marker time is older than the clock's now minus this are purged; {@link
 *     Duration#ZERO} purges every operation deleted before now (a trash emptied at once)
 * @param batchSize at most this many rows per statement, each batch committed on its own
 * @param dryRun count what would be purged and change nothing
 * @param progress called after each committed batch
 */
public record PurgeOptions(Duration age, int batchSize, boolean dryRun, Consumer<Progress> progress) {

  public PurgeOptions {
    if (age == null || age.isNegative()) {
      throw new CascadeException(
          "PurgeOptions: the age must be zero or positive, as in PurgeOptions.olderThan(Duration.ofDays(30)), or"
              + " Duration.ZERO for every operation deleted before now, not " + age);
    }
    Batching.requireBatchSize("PurgeOptions", batchSize);
    Batching.requireProgress("PurgeOptions", progress);
  }

  /**
   * Operations deleted more than {@code age} ago, {@value BatchOptions#DEFAULT_BATCH_SIZE} rows per
   * statement, for real, with no progress callback.
   */
  public static PurgeOptions olderThan(Duration age) {
    return new PurgeOptions(age, BatchOptions.DEFAULT_BATCH_SIZE, false, p -> { });
  }

  /** At most this many rows per statement, at least 1. */
  public PurgeOptions withBatchSize(int batchSize) {
    return new PurgeOptions(age, batchSize, dryRun, progress);
  }

  /** With {@code true}, count what would be purged, in {@link PurgeResult}, and change nothing. */
  public PurgeOptions withDryRun(boolean dryRun) {
    return new PurgeOptions(age, batchSize, dryRun, progress);
  }

  /** Called after each committed batch, on the calling thread; a dry run commits none. */
  public PurgeOptions withProgress(Consumer<Progress> progress) {
    return new PurgeOptions(age, batchSize, dryRun, progress);
  }
}
