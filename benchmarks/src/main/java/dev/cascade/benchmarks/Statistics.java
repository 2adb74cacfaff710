package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Analyzing a benchmark's tables, or keeping the database from doing it on its own. */
final class Statistics {
  private Statistics() {}

  /** {@code VACUUM ANALYZE} of the tables on PostgreSQL (dead rows of earlier runs go too); {@code ANALYZE} on H2. */
  static void analyze(Handle handle, DatabaseKind kind, List<String> tables) {
    if (kind == DatabaseKind.POSTGRESQL) {
      handle.execute("VACUUM ANALYZE " + String.join(", ", tables));
    } else {
      handle.execute("ANALYZE");
    }
  }

  /** Switches PostgreSQL's autovacuum off for the tables; H2 has nothing to switch. */
  static void leaveUnanalyzed(Handle handle, DatabaseKind kind, List<String> tables) {
    if (kind == DatabaseKind.POSTGRESQL) {
      for (String table : tables) {
        handle.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
      }
    }
  }
}
