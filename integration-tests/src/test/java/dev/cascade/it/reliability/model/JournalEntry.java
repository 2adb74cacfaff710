package dev.cascade.it.reliability.model;

import dev.cascade.annotations.DeleteStrategy;
import java.util.List;

/**
 * What the model expects the operations journal to hold for one delete (DESIGN.md, "Operations
 * journal"): one row per delete of any strategy, written in its transaction, {@code DELETED} until
 * a restore brings back the last of its roots that it still holds deleted, then {@code RESTORED}.
 *
 * @param deletionId the {@code DeleteResult.deletionId()} of the delete; null until the call returned
 * @param table the forum table it deleted from
 * @param ids the ids it was asked to delete, each once
 * @param marker what it wrote: a soft-delete time or a trash {@code deletion_id} ({@link Fresh}
 *     until learned); null when it deleted no root, so that nothing can be restored by it
 * @param totalRows the rows it removed or marked, in every table
 */
record JournalEntry(
    String deletionId,
    String table,
    List<Object> ids,
    DeleteStrategy strategy,
    Object marker,
    long totalRows,
    boolean restored) {

  /** Hook for purge (issue 15.3): a {@code PURGED} state goes here, set by a modelled purge. */
  String state() {
    return restored ? "RESTORED" : "DELETED";
  }

  JournalEntry withDeletionId(String id) {
    return new JournalEntry(id, table, ids, strategy, marker, totalRows, restored);
  }

  JournalEntry withMarker(Object learned) {
    return new JournalEntry(deletionId, table, ids, strategy, learned, totalRows, restored);
  }

  JournalEntry asRestored() {
    return new JournalEntry(deletionId, table, ids, strategy, marker, totalRows, true);
  }
}
