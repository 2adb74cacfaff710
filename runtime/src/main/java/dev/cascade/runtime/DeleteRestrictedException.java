package dev.cascade.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A delete that a {@code RESTRICT} relation blocks: rows of {@link #blockingTable()} still point
 * at the rows being deleted. Nothing was changed. Catch it to tell the user what to remove first.
 */
public final class DeleteRestrictedException extends CascadeException {
  private static final long serialVersionUID = 1L;
  /** How many keys {@link #pointedAt()} holds at most. */
  private static final int SHOWN = 10;

  private final String table;
  private final String blockingTable;
  private final String blockingColumn;
  private final long blockingRows;
  private final List<Object> pointedAt;
  private final long softDeletedRows;

  public DeleteRestrictedException(
      String table, String keys, String blockingTable, String blockingColumn, long blockingRows) {
    this(table, keys, blockingTable, blockingColumn, blockingRows, "", List.of());
  }

  /**
   * @param parentTable the table of the rows the blocking rows point at
   * @param pointedAt the keys of those rows, at least the first ten if there are more; empty where
   *     not known
   */
  public DeleteRestrictedException(
      String table,
      String keys,
      String blockingTable,
      String blockingColumn,
      long blockingRows,
      String parentTable,
      List<Object> pointedAt) {
    this(table, keys, blockingTable, blockingColumn, blockingRows, parentTable, pointedAt, 0, "delete or move those rows first");
  }

  /**
   * @param softDeletedRows how many of the blocking rows are soft-deleted themselves
   * @param advice what to do, after the reason, such as {@code delete or move those rows first}
   */
  public DeleteRestrictedException(
      String table,
      String keys,
      String blockingTable,
      String blockingColumn,
      long blockingRows,
      String parentTable,
      List<Object> pointedAt,
      long softDeletedRows,
      String advice) {
    super(
        "cannot delete " + table + " " + keys + ": " + blockingRows + (blockingRows == 1 ? " row" : " rows") + " of "
            + blockingTable + (blockingRows == 1 ? " still points" : " still point")
            + (pointedAt.isEmpty()
                ? " at a row it would delete"
                : " at " + parentTable + " " + listed(pointedAt) + ", which it would delete")
            + ", through " + blockingTable + "." + blockingColumn
            + ", a RESTRICT relation; " + advice);
    this.table = table;
    this.blockingTable = blockingTable;
    this.blockingColumn = blockingColumn;
    this.blockingRows = blockingRows;
    this.pointedAt = List.copyOf(pointedAt.subList(0, Math.min(SHOWN, pointedAt.size())));
    this.softDeletedRows = softDeletedRows;
  }

  /** {@code 37}, {@code [37, 38]}, or the first ten and more. */
  private static String listed(List<Object> keys) {
    if (keys.size() == 1) {
      return String.valueOf(keys.get(0));
    }
    String shown = keys.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
    return "[" + shown + (keys.size() > SHOWN ? ", ..." : "") + "]";
  }

  /** The table the delete was for, or the table in its cascade that is protected. */
  public String table() {
    return table;
  }

  /** The table of the rows that block: the relation's child table, or its trash table. */
  public String blockingTable() {
    return blockingTable;
  }

  public String blockingColumn() {
    return blockingColumn;
  }

  public long blockingRows() {
    return blockingRows;
  }

  /**
   * The keys of the rows the delete would remove that the blocking rows point at (the values of
   * {@link #blockingColumn()}), the first ten: which rows to look at; empty where not known.
   */
  public List<Object> pointedAt() {
    return pointedAt;
  }

  /**
   * How many of the {@link #blockingRows()} are soft-deleted themselves: they block until a purge
   * removes them; 0 where none are, or where their table's model is not on the class path.
   */
  public long softDeletedRows() {
    return softDeletedRows;
  }
}
