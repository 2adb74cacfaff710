package dev.cascade.runtime;

import java.util.Optional;

/**
 * A restore would bring back a row whose parent is still deleted and is not coming back with it.
 * Restore the parent first. Nothing was changed.
 */
public class ParentStillDeletedException extends CascadeException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String column;
  private final String parentTable;
  private final Object parentKey;
  private final String parentDeletionId;

  public ParentStillDeletedException(String table, String column, String parentTable, Object parentKey, String message) {
    this(table, column, parentTable, parentKey, Optional.empty(), message);
  }

  public ParentStillDeletedException(
      String table, String column, String parentTable, Object parentKey, Optional<String> parentDeletionId, String message) {
    super(message);
    this.table = table;
    this.column = column;
    this.parentTable = parentTable;
    this.parentKey = parentKey;
    this.parentDeletionId = parentDeletionId.orElse(null);
  }

  /** The table of the row that would come back. */
  public String table() {
    return table;
  }

  /** Its foreign key to the deleted parent. */
  public String column() {
    return column;
  }

  public String parentTable() {
    return parentTable;
  }

  /** The key of the parent that is still deleted. */
  public Object parentKey() {
    return parentKey;
  }

  /**
   * The delete operation that holds the parent, to restore first ({@code
   * XRestorer.restoreOperation(handle, id)} of its table, {@code Journal.find(handle, id)}): the one
   * whose marker the parent's soft-delete column holds, or whose trash copy of it is the newest.
   * Empty when none does: the parent is gone for good (the message says so), or it is soft-deleted
   * with a marker the journal does not know (the journal is off).
   */
  public Optional<String> parentDeletionId() {
    return Optional.ofNullable(parentDeletionId);
  }
}
