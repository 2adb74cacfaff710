package dev.cascade.runtime;

/**
 * {@code restoreOperation} was asked for an operation it cannot restore: unknown, deleted for good,
 * restored or purged already, unfinished, or an operation on another table. Nothing was changed.
 */
public class OperationNotRestorableException extends CascadeException {
  private static final long serialVersionUID = 1L;

  /** Why the operation cannot be restored. */
  public enum Reason {
    /** The journal has no operation with this id. */
    UNKNOWN,
    /** The operation deleted its rows {@code PERMANENT}ly. */
    PERMANENT,
    /** A restore brought it back already. */
    RESTORED,
    /** A purge removed its rows for good. */
    PURGED,
    /** It deleted rows of another table: restore it with that table's restorer. */
    OTHER_TABLE,
    /**
     * None of its roots is deleted by it any more: they were restored or deleted again since, one
     * by one, or (trash) their ids were taken by rows trashed since, or (soft) a later trash took
     * them along; the message names those later operations.
     */
    CHANGED,
    /** It is a batched delete that has not finished; finish it with {@code destroyInBatches} first. */
    UNFINISHED
  }

  private final String deletionId;
  private final Reason reason;

  public OperationNotRestorableException(String deletionId, Reason reason, String message) {
    super(message);
    this.deletionId = deletionId;
    this.reason = reason;
  }

  public String deletionId() {
    return deletionId;
  }

  public Reason reason() {
    return reason;
  }
}
