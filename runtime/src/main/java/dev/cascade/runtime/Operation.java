package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One delete, as the journal keeps it: who deleted what, when, why, and what became of it.
 *
 * @param deletionId the operation's id: {@code DeleteResult.deletionId()}, and the {@code
 *     deletion_id} of the rows it trashed
 * @param table the table of the rows the call named
 * @param ids the keys the call named, as text
 * @param strategy how the rows were deleted
 * @param actor who deleted them: {@code DeleteOptions.withActor}, or the configured actor supplier
 * @param reason why, when the call said so
 * @param deletedAt the operation's marker time: the {@code deleted_at} value of a soft delete, the
 *     trash time of a trash delete; unique among all operations
 * @param rowsByTable rows removed or marked per table, in the order the statements ran
 * @param state whether the rows are still deleted, restored, or purged
 * @param restoredAt when a restore brought every root back
 * @param purgedAt when a purge removed the rows for good
 */
public record Operation(
    String deletionId,
    String table,
    List<String> ids,
    DeleteStrategy strategy,
    Optional<String> actor,
    Optional<String> reason,
    Instant deletedAt,
    Map<String, Long> rowsByTable,
    OperationState state,
    Optional<Instant> restoredAt,
    Optional<Instant> purgedAt) {

  public Operation {
    ids = List.copyOf(ids);
    rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
  }

  /** Every row the operation removed or marked, in every table. */
  public long totalRows() {
    return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
  }
}
