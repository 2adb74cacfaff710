package dev.cascade.it.reliability.model;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.OperationState;
import java.util.List;

/**
 * What the model expects the operations journal to hold for one delete (DESIGN.md, "Operations
 * journal"): one row per delete of any strategy, written in its transaction, {@code DELETED} until
 * a restore brings back the last of its roots that it still holds deleted, then {@code RESTORED};
 * or until a purge removes it for good, then {@code PURGED} (README, "Purge and batches").
 *
 * @param deletionId the {@code DeleteResult.deletionId()} of the delete; null until the call returned
 * @param table the forum table it deleted from
 * @param ids the ids it was asked to delete, each once
 * @param marker what it wrote: a soft-delete time or a trash {@code deletion_id} ({@link Fresh}
 *     until learned); null when it deleted no root, so that nothing can be restored by it
 * @param totalRows the rows it removed or marked, in every table
 * @param day the model's clock when it ran, in whole days since the sequence began: its marker is
 *     that day's start, or a few steps after it
 */
record JournalEntry(
    String deletionId,
    String table,
    List<Object> ids,
    DeleteStrategy strategy,
    Object marker,
    long totalRows,
    OperationState state,
    int day) {

  boolean deleted() {
    return state == OperationState.DELETED;
  }

  JournalEntry withDeletionId(String id) {
    return new JournalEntry(id, table, ids, strategy, marker, totalRows, state, day);
  }

  JournalEntry withMarker(Object learned) {
    return new JournalEntry(deletionId, table, ids, strategy, learned, totalRows, state, day);
  }

  JournalEntry as(OperationState next) {
    return new JournalEntry(deletionId, table, ids, strategy, marker, totalRows, next, day);
  }
}
