package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a restore would do, found without changing anything: for an "undo" button that says what
 * comes back, or why it cannot.
 *
 * @param strategy where the rows would come back from: {@code SOFT} (their soft-delete marks
 *     cleared) or {@code TRASH} (copied back from the trash tables)
 * @param rowsByTable rows that would come back, per table, parents first, the requested table
 *     included
 * @param blockedBy the error the restore would fail with, not thrown: a {@link
 *     ParentStillDeletedException} (a row coming back belongs to a parent that is still deleted)
 *     or an {@link IdTakenException} (another row has taken a key that must come back as it was);
 *     empty when the restore can go ahead
 */
public record RestorePreview(
    DeleteStrategy strategy, Map<String, Long> rowsByTable, Optional<CascadeException> blockedBy) {

  public RestorePreview {
    rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
  }

  /** All rows that would come back, in every table. */
  public long totalRows() {
    return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether the restore would fail; {@link #blockedBy()} says why. */
  public boolean isBlocked() {
    return blockedBy.isPresent();
  }
}
