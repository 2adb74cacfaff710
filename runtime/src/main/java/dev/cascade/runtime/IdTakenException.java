package dev.cascade.runtime;

/**
 * A trash restore would bring back a row whose key another row has taken since it was deleted,
 * and cannot give it a new one: {@link IdConflict#FAIL} was asked for, the key is not one the
 * database generates, or the row came back with its root rather than as the root. Nothing was
 * changed.
 */
public class IdTakenException extends CascadeException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final Object id;

  public IdTakenException(String table, Object id, String message) {
    super(message);
    this.table = table;
    this.id = id;
  }

  /** The table whose key is taken. */
  public String table() {
    return table;
  }

  /** The key another row has taken. */
  public Object id() {
    return id;
  }
}
