package dev.cascade.runtime;

/**
 * A trash restore that cannot put a row back under its id, because another row has taken that id
 * since the row was deleted: with {@link IdConflict#FAIL}, with a row below the restored one
 * (only a restored root can get a new key), or with {@link IdConflict#ASSIGN_NEW} for a key the
 * database does not generate ({@code UUID}, {@code String}). Nothing was changed. Catch it to
 * let the user decide which row keeps the id.
 */
public final class IdTakenException extends CascadeException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final transient Object id;

  /**
   * @param table the table of the row that cannot come back
   * @param id its key, which another row of {@code table} now has
   * @param message says what was restored and what to do
   */
  public IdTakenException(String table, Object id, String message) {
    super(message);
    this.table = table;
    this.id = id;
  }

  /** The table of the row that cannot come back. */
  public String table() {
    return table;
  }

  /** The key another row has taken, as the generated code or the driver gave it. */
  public Object id() {
    return id;
  }
}
