package dev.cascade.runtime;

import java.time.Duration;

/**
 * One batch of a purge or of a batched delete, committed: what a {@code withProgress} callback
 * hears after each.
 *
 * <pre>{@code
 * UserDeleter.purge(handle, PurgeOptions.olderThan(Duration.ofDays(30))
 *     .withProgress(p -> log.info("{}: {} rows ({} so far, {} batches)", p.table(), p.rows(),
 *         p.totalRows(), p.batches())));
 * }</pre>
 *
 * @param table the table the batch changed: a trash table when a purge empties the trash
 * @param rows rows the batch removed, marked or unlinked
 * @param totalRows rows the call's batches changed so far, this one included
 * @param batches batches the call committed so far, this one included
 * @param took how long the batch's transaction took, from its first statement to its commit
 */
public record Progress(String table, long rows, long totalRows, long batches, Duration took) {}
