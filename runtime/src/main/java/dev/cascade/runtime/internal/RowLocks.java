package dev.cascade.runtime.internal;

import dev.cascade.runtime.Dialect;

/**
 * The clause a copy into the trash ends with, so that it locks the rows it copies until the
 * transaction ends: no other transaction can then update a row between its copy and its delete,
 * where at {@code READ COMMITTED} the delete would remove the updated row and the trash keep the
 * one before. A transaction that updated a row first makes the copy wait, then copy the row as
 * updated.
 *
 * <ul>
 *   <li>PostgreSQL: {@code FOR UPDATE OF} the copied table, since a copy may join it to keys
 *       read with {@code UNION} or {@code WITH RECURSIVE}, which cannot be locked;
 *   <li>H2, MySQL and MariaDB: {@code FOR UPDATE} (MySQL and MariaDB at {@code REPEATABLE READ}
 *       already lock what an {@code INSERT ... SELECT} reads, shared);
 *   <li>SQLite: none; it has one writer at a time.
 * </ul>
 */
final class RowLocks {
  private RowLocks() {}

  /** The clause for a copy of {@code table}, as the database names it, with its leading space. */
  static String ofCopy(Dialect dialect, String table) {
    return switch (dialect) {
      case POSTGRESQL -> " FOR UPDATE OF " + table;
      case H2, MYSQL -> " FOR UPDATE";
      case SQLITE -> "";
    };
  }
}
