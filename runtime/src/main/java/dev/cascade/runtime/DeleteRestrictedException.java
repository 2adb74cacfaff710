package dev.cascade.runtime;

/**
 * A delete that a {@code RESTRICT} relation blocks: rows of {@link #blockingTable()} still point
 * at the rows being deleted. Nothing was changed. Catch it to tell the user what to remove first.
 */
public final class DeleteRestrictedException extends CascadeException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String blockingTable;
  private final String blockingColumn;
  private final long blockingRows;

  public DeleteRestrictedException(
      String table, String keys, String blockingTable, String blockingColumn, long blockingRows) {
    super(
        "cannot delete "
            + table
            + " "
            + keys
            + ": "
            + blockingRows
            + (blockingRows == 1 ? " row" : " rows")
            + " of "
            + blockingTable
            + (blockingRows == 1 ? " still points" : " still point")
            + " at a row it would delete, through "
            + blockingTable
            + "."
            + blockingColumn
            + ", a RESTRICT relation; delete or move those rows first");
    this.table = table;
    this.blockingTable = blockingTable;
    this.blockingColumn = blockingColumn;
    this.blockingRows = blockingRows;
  }

  /** The table the delete was for, or the table in its cascade that is protected. */
  public String table() {
    return table;
  }

  public String blockingTable() {
    return blockingTable;
  }

  public String blockingColumn() {
    return blockingColumn;
  }

  public long blockingRows() {
    return blockingRows;
  }
}
