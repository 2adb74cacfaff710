package dev.cascade.runtime.internal;

/**
 * One statement of a delete that changes rows.
 *
 * @param kind what it does
 * @param table the table it changes
 * @param column for {@link Kind#NULLIFY} and {@link Kind#UNLINK}, the foreign key it clears; else null
 * @param sql the statement
 * @param root whether it changes the rows the call names
 */
record DeleteStep(Kind kind, String table, String column, Sql sql, boolean root) {

  /** What a delete statement does; the processor's {@code DeleteStep.Kind} has the same names. */
  enum Kind {
    NULLIFY,
    COPY,
    MARK,
    FLATTEN,
    UNLINK,
    DELETE
  }

  /** Whether it sets a foreign key to null: {@link Kind#NULLIFY} or {@link Kind#UNLINK}. */
  boolean unlinks() {
    return kind == Kind.NULLIFY || kind == Kind.UNLINK;
  }

  /** For a failure message: what the statement was doing. */
  String describe() {
    return switch (kind) {
      case NULLIFY -> "unlinking " + table + "." + column;
      case COPY -> "copying " + table + " into the trash";
      case MARK -> "soft-deleting " + table;
      case FLATTEN -> "re-linking the " + table + " of the subtrees to delete, so that they can go in order";
      case UNLINK -> "unlinking the " + table + " it deletes from one another (" + table + "." + column + ")";
      case DELETE -> "deleting from " + table;
    };
  }
}
