package dev.cascade.runtime;

/**
 * Every error Cascade throws: a restricted delete, an id that is not deleted, an id conflict on
 * restore, a strategy the model cannot do, a missing table, a failed statement. The message names
 * the table and the key. When Cascade throws, the database is as it was before the call.
 */
public class CascadeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CascadeException(String message) {
    super(message);
  }

  public CascadeException(String message, Throwable cause) {
    super(message, cause);
  }
}
