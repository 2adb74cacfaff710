package dev.cascade.processor.plan;

/** Where an operation finds the rows it works on. */
enum Source {
  /** Every row of the table: a {@code PERMANENT} or {@code TRASH} delete. */
  LIVE("", "_IN_CASCADE"),
  /** Rows not soft-deleted yet: a {@code SOFT} delete, which leaves earlier soft deletes alone. */
  NOT_DELETED("LIVE_", "_IN_CASCADE"),
  /** Rows soft-deleted by the operations a restore brings back, found by their marker. */
  SOFT_DELETED("SOFT_DELETED_", ""),
  /** Rows in the trash from the operations a restore brings back, found by their deletion id. */
  TRASHED("TRASHED_", "");

  private final String prefix;
  private final String suffix;

  Source(String prefix, String suffix) {
    this.prefix = prefix;
    this.suffix = suffix;
  }

  /** Whether rows carry their operation's marker, which a child must share with its parent. */
  boolean marked() {
    return this == SOFT_DELETED || this == TRASHED;
  }

  /** {@code LIVE_POSTS_IN_CASCADE}: the name of a table's fragment of keys in this source. */
  String constantName(String table) {
    return prefix + Naming.constant(table) + suffix;
  }

  /** {@code LIVE_POSTS}: the prefix of a table's other fragments in this source. */
  String prefixed(String table) {
    return prefix + Naming.constant(table);
  }
}
