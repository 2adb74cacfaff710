package dev.cascade.runtime;

/**
 * A restore that cannot put a row back because a unique column other than its key (an email, a
 * slug) holds, in a live row, the value the restored row has: another row took it since the
 * delete. Nothing was changed. Catch it to let the user free the value, or change the deleted
 * row's, and restore again.
 */
public final class ValueTakenException extends CascadeException {
  private static final long serialVersionUID = 1L;

  private final String table;

  /**
   * @param table the table of the row that cannot come back
   * @param message says what was restored, what the database refused, and what to do
   */
  public ValueTakenException(String table, String message, Throwable cause) {
    super(message, cause);
    this.table = table;
  }

  /** The table of the row that cannot come back: the restored table's, or one of its cascade's. */
  public String table() {
    return table;
  }
}
