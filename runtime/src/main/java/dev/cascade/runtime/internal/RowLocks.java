package dev.cascade.runtime.internal;

import dev.cascade.runtime.Dialect;

/**
 * The clause that makes a statement lock the rows it reads until the transaction ends:
 *
 * <ul>
 *   <li>a copy into the trash, so that no other transaction can update a row between its copy and
 *       its delete, where at {@code READ COMMITTED} the delete would remove the updated row and the
 *       trash keep the one before. A transaction that updated a row first makes the copy wait, then
 *       copy the row as updated. In an H2 batch the pick of the rows takes the lock instead, as H2
 *       takes none through the join by which the copy then reads them ({@link BatchPlan});
 *   <li>a soft restore's look-up of its roots, so that no other transaction can trash and bring
 *       back the same roots between its statements, which at {@code READ COMMITTED} left the rows of
 *       the tables it had cleared before the trash soft-deleted under a live root;
 *   <li>a restore's look-up of its operations in the journal, so that no purge can claim them until
 *       it commits ({@link #ofTheOnlyTable}).
 * </ul>
 *
 * <p>By database:
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

  /** The clause for a query of one table, with its leading space. */
  static String ofTheOnlyTable(Dialect dialect) {
    return dialect == Dialect.SQLITE ? "" : " FOR UPDATE";
  }

  /** The clause for rows of {@code table}, as the database names it, with its leading space. */
  static String of(Dialect dialect, String table) {
    return switch (dialect) {
      case POSTGRESQL -> " FOR UPDATE OF " + table;
      case H2, MYSQL -> " FOR UPDATE";
      case SQLITE -> "";
    };
  }
}
