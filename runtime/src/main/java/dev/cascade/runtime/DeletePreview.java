package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a delete would do, counted without changing anything: for a confirmation screen.
 *
 * @param strategy the strategy the delete would run with
 * @param rowsByTable rows that would be removed or marked, per table, in execution order
 * @param nullifiedByTable rows whose foreign key would be set to null, per table
 * @param restrictedBy rows that would block the delete, per table ({@code RESTRICT}); empty when
 *     the delete can go ahead
 */
public record DeletePreview(
    DeleteStrategy strategy,
    Map<String, Long> rowsByTable,
    Map<String, Long> nullifiedByTable,
    Map<String, Long> restrictedBy) {

  public DeletePreview {
    rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
    nullifiedByTable = Collections.unmodifiableMap(new LinkedHashMap<>(nullifiedByTable));
    restrictedBy = Collections.unmodifiableMap(new LinkedHashMap<>(restrictedBy));
  }

  /** All rows that would be removed or marked, in every table. */
  public long totalRows() {
    return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether a {@code RESTRICT} relation would block the delete. */
  public boolean isRestricted() {
    return !restrictedBy.isEmpty();
  }
}
