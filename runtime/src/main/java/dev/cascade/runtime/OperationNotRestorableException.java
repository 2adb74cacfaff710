package dev.cascade.runtime;

/**
 * {@code restoreOperation} was asked for an operation it cannot restore: unknown, deleted for good,
 * restored or purged already, unfinished, an operation on another table, or one whose rows this
 * build's model does not reach; a restore by id throws it for the last. Nothing was changed.
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
    UNFINISHED,
    /**
     * It deleted rows of tables that this build's model does not reach from its table: the model
     * changed since (a newer build running beside this one added a relation, or this one removed
     * one or made it {@code SET_NULL} or {@code RESTRICT}). Restore it with a build whose model
     * reaches them.
     */
    MODEL_CHANGED
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
