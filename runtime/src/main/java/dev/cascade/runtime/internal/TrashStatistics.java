package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * On PostgreSQL, analyzes the trash tables a large {@code TRASH} delete filled whose statistics
 * have not seen that many rows, once the delete has committed. Until autovacuum's next analyze,
 * PostgreSQL takes a trash table it last saw empty for one row, and a restore that names some of
 * the operation's roots nests its lookups into one another: restoring one post of a {@code
 * destroyAll} of 1,025 ran for minutes, one statement (0.1 s once analyzed). A delete inside the
 * caller's transaction leaves it to the caller: {@code ANALYZE} there would hold its lock to the
 * end of that transaction, and two such transactions could wait on each other. A batched delete
 * does it after its last batch, for the rows of all its batches.
 */
final class TrashStatistics {
  /** A trash table that took fewer rows than this is left to autovacuum. */
  static final long ANALYZE_FROM_ROWS = 1_000;

  private TrashStatistics() {}

  /**
   * Analyzes, in one statement, the trash tables that took at least {@link #ANALYZE_FROM_ROWS}
   * rows and whose statistics count fewer rows than they took. The delete has committed: a failure here
   * (another session's lock on the table, a revoked right) leaves the statistics to autovacuum and
   * the result as it is.
   */
  static void refresh(Handle handle, Dialect dialect, CascadeSchema schema, Map<String, Long> rowsByTable) {
    if (dialect != Dialect.POSTGRESQL || handle.isInTransaction()) {
      return;
    }
    try {
      List<String> stale = new ArrayList<>();
      rowsByTable.forEach((table, rows) -> {
        Optional<String> trash = schema.cascadeTable(table).flatMap(CascadeSchema.Table::trashTable);
        if (rows >= ANALYZE_FROM_ROWS && trash.isPresent() && counted(handle, schema.quote(trash.get(), dialect)) < rows) {
          stale.add(schema.quote(trash.get(), dialect));
        }
      });
      if (!stale.isEmpty()) {
        handle.execute("ANALYZE " + String.join(", ", stale));
      }
    } catch (JdbiException e) {
      // Statistics only: autovacuum analyzes the tables in time, as it would have without this.
    }
  }

  /** How many rows PostgreSQL's statistics count in the table: -1 when never analyzed. */
  private static double counted(Handle handle, String table) {
    return handle.createQuery("SELECT reltuples FROM pg_class WHERE oid = to_regclass(:table)")
        .bind("table", table)
        .mapTo(Double.class)
        .findOne()
        .orElse(Double.MAX_VALUE);
  }
}
