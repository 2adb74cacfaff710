package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What a listener is told with the record: which operation, on which key, and, once it has run,
 * what the whole operation changed. Listeners run inside the operation's transaction; throwing
 * rolls everything back.
 *
 * <p>The counts are the operation's, not the record's: a {@code destroyAll} of two users fires
 * two {@code DELETED} events that carry the same totals, the rows both cascades removed. (Counts
 * per root would cost a grouped count statement per table of the cascade, and a row reached from
 * two roots would be counted under both.) For {@code destroy} of one id, the operation's counts
 * are that record's cascade.
 *
 * @param kind which moment of the operation this is
 * @param table the record's table
 * @param primaryKey the record's key
 * @param strategy the operation's strategy (for a restore, the one the rows were deleted with)
 * @param operationRootCount for {@code DELETED}, how many rows of the record's table the whole
 *     operation deleted ({@link DeleteResult#deletedCount()}, the number of {@code DELETED} events
 *     it fires); for {@code RESTORED}, how many it restored. {@code DELETING} and {@code RESTORING}
 *     fire before anything changed: 0
 * @param operationRowsByTable for {@code DELETED} and {@code RESTORED}, the rows per table the
 *     whole operation changed ({@link DeleteResult#rowsByTable()}), the record's table included;
 *     before anything changed ({@code DELETING}, {@code RESTORING}), empty
 * @param trashRecord for {@code TRASH}, where the rows went (or came back from)
 * @param handle the handle the operation runs on, inside its transaction
 */
public record CascadeEvent(
    Kind kind,
    String table,
    Object primaryKey,
    DeleteStrategy strategy,
    long operationRootCount,
    Map<String, Long> operationRowsByTable,
    Optional<TrashRecord> trashRecord,
    Handle handle) {

  /** The moments listeners hear about. */
  public enum Kind {
    DELETING,
    DELETED,
    RESTORING,
    RESTORED
  }

  public CascadeEvent {
    operationRowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(operationRowsByTable));
  }

  /** All rows the whole operation changed, in every table; 0 before it ran. */
  public long operationTotalRows() {
    return operationRowsByTable.values().stream().mapToLong(Long::longValue).sum();
  }
}
