package dev.cascade.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a purge removed for good, or, for a dry run, would remove.
 *
 * @param dryRun whether it only counted
 * @param operations the operations purged, now {@link OperationState#PURGED} in the journal
 * @param rowsByTable rows removed per table, in the order they went: trash tables (such as {@code
 *     posts_trash}) for trashed operations, the tables themselves for soft-deleted ones
 * @param nullifiedByTable rows whose foreign key was set to null, per table: rows outside the
 *     cascade that a soft delete left pointing at rows now purged ({@code SET_NULL})
 * @param batches transactions the purge committed; none for a dry run
 */
public record PurgeResult(
    boolean dryRun,
    long operations,
    Map<String, Long> rowsByTable,
    Map<String, Long> nullifiedByTable,
    long batches) {

  public PurgeResult {
    rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
    nullifiedByTable = Collections.unmodifiableMap(new LinkedHashMap<>(nullifiedByTable));
  }

  /** All rows removed, in every table. */
  public long totalRows() {
    return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
  }
}
