package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one delete did.
 *
 * @param strategy the strategy it ran with
 * @param deletedCount how many of the rows the call names it deleted (or marked): for {@code
 *     destroy}, 1, or 0 when no row has the id (or, for {@code SOFT}, the row is soft-deleted
 *     already); for {@code destroyAll}, how many of the ids. Never the rows of their cascades, a
 *     tree's subtree included: those are in {@code rowsByTable}
 * @param rowsByTable rows removed or marked per table, in the order the statements ran, the
 *     requested table included
 * @param nullifiedByTable rows whose foreign key was set to null, per table ({@code SET_NULL})
 * @param deletionId this operation's id; the value written to {@code deletion_id} in the trash
 */
public record DeleteResult(
    DeleteStrategy strategy,
    long deletedCount,
    Map<String, Long> rowsByTable,
    Map<String, Long> nullifiedByTable,
    String deletionId) {

  public DeleteResult {
    rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
    nullifiedByTable = Collections.unmodifiableMap(new LinkedHashMap<>(nullifiedByTable));
  }

  /** All rows removed or marked, in every table. */
  public long totalRows() {
    return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
  }
}
