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
 * @param restrictedBy for a dry run, the rows that would stop the purge, per table, as {@link
 *     DeletePreview#restrictedBy()} does for a delete: rows a {@code RESTRICT} relation protects the
 *     purged rows with, and rows of tables the model does not name that point at them; empty when
 *     the purge can go ahead, and after a real purge, which stops with a {@link
 *     DeleteRestrictedException} or a {@link CascadeException} instead. For {@code Journal.purge},
 *     rows it would purge itself from another table count too: the real call purges that table
 *     first and then tries again
 * @param batches transactions the purge committed; none for a dry run
 */
public record PurgeResult(
    boolean dryRun,
    long operations,
    Map<String, Long> rowsByTable,
    Map<String, Long> nullifiedByTable,
    Map<String, Long> restrictedBy,
    long batches) {

  public PurgeResult {
    rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
    nullifiedByTable = Collections.unmodifiableMap(new LinkedHashMap<>(nullifiedByTable));
    restrictedBy = Collections.unmodifiableMap(new LinkedHashMap<>(restrictedBy));
  }

  /** All rows removed, in every table. */
  public long totalRows() {
    return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether, for a dry run, something would stop the real purge ({@link #restrictedBy()}). */
  public boolean isRestricted() {
    return !restrictedBy.isEmpty();
  }
}
