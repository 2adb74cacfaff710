package dev.cascade.benchmarks;

/** Which foreign-key constraints the benchmark schema declares. */
enum ForeignKeys {
  /** {@code ON DELETE CASCADE}: the database deletes the tree itself. */
  ON_DELETE_CASCADE("ON DELETE CASCADE FKs"),
  /** Plain constraints ({@code NO ACTION}): checked on every delete, cascade nothing. */
  NO_ACTION("plain FKs"),
  /** No constraints at all; the indexes on the key columns are still there. */
  NONE("no FKs");

  private final String label;

  ForeignKeys(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The clause added to a constraint, or nothing. */
  String onDelete() {
    return this == ON_DELETE_CASCADE ? " ON DELETE CASCADE" : "";
  }
}
