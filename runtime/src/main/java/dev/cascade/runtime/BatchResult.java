package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a batched delete did, once it finished.
 *
 * @param strategy the strategy it ran with
 * @param deletedCount whether the requested row was deleted (or marked): 1, or 0 if it was gone
 * @param rowsByTable rows removed or marked per table, in the order the statements ran, the
 *     requested table included; for a call that finished an interrupted one, the rows of both
 * @param nullifiedByTable rows whose foreign key this call set to null, per table ({@code SET_NULL})
 * @param deletionId the operation's id, shared by every batch (and by the call it finished)
 * @param batches transactions this call committed
 * @param resumed whether this call finished a batched delete of the same row that had stopped
 */
public record BatchResult(
    DeleteStrategy strategy,
    long deletedCount,
    Map<String, Long> rowsByTable,
    Map<String, Long> nullifiedByTable,
    String deletionId,
    long batches,
    boolean resumed) {

  public BatchResult {
    rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
    nullifiedByTable = Collections.unmodifiableMap(new LinkedHashMap<>(nullifiedByTable));
  }

  /** All rows removed or marked, in every table. */
  public long totalRows() {
    return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
  }
}
