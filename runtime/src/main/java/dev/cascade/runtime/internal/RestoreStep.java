package dev.cascade.runtime.internal;

/**
 * One statement of a restore that changes rows.
 *
 * @param kind what it does
 * @param table the table whose rows come back
 * @param sql the statement
 * @param root whether it brings back the rows the call names
 */
record RestoreStep(Kind kind, String table, Sql sql, boolean root) {

  /** What a restore statement does; the processor's {@code RestoreStep.Kind} has the same names. */
  enum Kind {
    UNMARK,
    INSERT,
    RELINK,
    PURGE,
    FOLLOW
  }

  /** For a failure message: what the statement was doing. */
  String describe() {
    return switch (kind) {
      case UNMARK -> "restoring " + table;
      case INSERT -> "copying " + table + " back from the trash";
      case RELINK -> "linking restored " + table + " to the " + table + " restored with them";
      case PURGE -> "removing restored " + table + " from the trash";
      case FOLLOW -> "pointing the " + table + " left in the trash at the roots given new keys";
    };
  }
}
