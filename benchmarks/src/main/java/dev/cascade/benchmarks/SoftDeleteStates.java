package dev.cascade.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Every row of the tables a run compares before and after a round trip: table, {@code id}, and
 * whether it is live ({@code deleted_at IS NULL}).
 */
final class SoftDeleteStates {
  private SoftDeleteStates() {}

  static List<List<Object>> of(Handle handle, List<String> tables) {
    List<List<Object>> rows = new ArrayList<>();
    for (String table : tables) {
      rows.addAll(handle.createQuery("SELECT id, deleted_at IS NULL FROM " + table + " ORDER BY id")
          .map((rs, ctx) -> List.<Object>of(table, rs.getLong(1), rs.getBoolean(2)))
          .list());
    }
    return rows;
  }
}
