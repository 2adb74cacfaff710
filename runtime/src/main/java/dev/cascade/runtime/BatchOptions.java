package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How {@code XDeleter.destroyInBatches} cuts one large delete into batches. Start from {@link
 * #defaults()} and change what you need:
 *
 * <pre>{@code
 * UserDeleter.destroyInBatches(handle, tenantId, BatchOptions.defaults()
 *     .withStrategy(DeleteStrategy.TRASH)
 *     .withBatchSize(5_000)
 *     .withReason("tenant closed, ticket 812")
 *     .withProgress(p -> log.info("{} rows of {}", p.rows(), p.table())));
 * }</pre>
 *
 * @param strategy the strategy for this call; empty for the model's (see {@link
 *     CascadeConfig#getDefaultStrategy()})
 * @param batchSize at most this many rows per statement, each batch committed on its own
 * @param progress called after each committed batch
 * @param actor who deletes, for the journal; empty for {@link CascadeConfig#getActorSupplier()}'s
 * @param reason why, for the journal
 */
public record BatchOptions(
    Optional<DeleteStrategy> strategy,
    int batchSize,
    Consumer<Progress> progress,
    Optional<String> actor,
    Optional<String> reason) {
  /** Rows per statement unless {@code withBatchSize} says otherwise: GitLab's choice for the same job. */
  public static final int DEFAULT_BATCH_SIZE = 1_000;

  private static final BatchOptions DEFAULTS =
      new BatchOptions(Optional.empty(), DEFAULT_BATCH_SIZE, p -> { }, Optional.empty(), Optional.empty());

  public BatchOptions {
    if (strategy == null) {
      throw new CascadeException("BatchOptions: strategy is null; use Optional.empty() for the model's strategy");
    }
    Batching.requireBatchSize("BatchOptions", batchSize);
    Batching.requireProgress("BatchOptions", progress);
    if (actor == null || reason == null) {
      throw new CascadeException("BatchOptions: actor and reason may be empty but not null");
    }
  }

  /**
   * The model's strategy, {@value #DEFAULT_BATCH_SIZE} rows per statement, no progress callback,
   * the configured actor and no reason.
   */
  public static BatchOptions defaults() {
    return DEFAULTS;
  }

  /** This strategy for the call; it may not be null (leave it out for the model's). */
  public BatchOptions withStrategy(DeleteStrategy strategy) {
    if (strategy == null) {
      throw new CascadeException("BatchOptions.withStrategy(null): name a strategy, or leave it out for the model's");
    }
    return new BatchOptions(Optional.of(strategy), batchSize, progress, actor, reason);
  }

  /** At most this many rows per statement, at least 1. */
  public BatchOptions withBatchSize(int batchSize) {
    return new BatchOptions(strategy, batchSize, progress, actor, reason);
  }

  /** Called after each committed batch, on the calling thread. */
  public BatchOptions withProgress(Consumer<Progress> progress) {
    return new BatchOptions(strategy, batchSize, progress, actor, reason);
  }

  /**
   * Who deletes, as the journal records it, as {@link DeleteOptions#withActor}; a call that finishes
   * an interrupted one keeps the first call's.
   */
  public BatchOptions withActor(String actor) {
    return new BatchOptions(strategy, batchSize, progress, Optional.ofNullable(actor), reason);
  }

  /** Why, as the journal records it, as {@link DeleteOptions#withReason}; kept as {@link #withActor}. */
  public BatchOptions withReason(String reason) {
    return new BatchOptions(strategy, batchSize, progress, actor, Optional.ofNullable(reason));
  }
}
