package dev.cascade.runtime;

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

  public ParentStillDeletedException(String table, String column, String parentTable, Object parentKey, String message) {
    super(message);
    this.table = table;
    this.column = column;
    this.parentTable = parentTable;
    this.parentKey = parentKey;
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
}
