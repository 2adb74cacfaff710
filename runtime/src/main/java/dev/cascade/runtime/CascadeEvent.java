package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What a listener is told with the record: which operation, on which key, with what result so
 * far. Listeners run inside the operation's transaction; throwing rolls everything back.
 *
 * @param kind which moment of the operation this is
 * @param table the record's table
 * @param primaryKey the record's key
 * @param strategy the operation's strategy (for a restore, the one the rows were deleted with)
 * @param deletedCount for {@code DELETED}, the rows of the record's table the operation deleted;
 *     for {@code RESTORED}, those it restored; 0 before the operation
 * @param rowsByTable rows per table the operation changed, empty before it runs
 * @param trashRecord for {@code TRASH}, where the rows went (or came back from)
 * @param handle the handle the operation runs on, inside its transaction
 */
public record CascadeEvent(
    Kind kind,
    String table,
    Object primaryKey,
    DeleteStrategy strategy,
    long deletedCount,
    Map<String, Long> rowsByTable,
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
    rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
  }
}
