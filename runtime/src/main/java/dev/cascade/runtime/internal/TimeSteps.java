package dev.cascade.runtime.internal;

import dev.cascade.runtime.Dialect;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * The time steps of the columns an operation writes its marker into, read once from the
 * database's metadata and remembered for the JVM's life (by database and table): a soft delete's
 * marker must differ from every other operation's at the step its columns store.
 */
final class TimeSteps {
  private static final Map<String, TimeStep> KNOWN = new ConcurrentHashMap<>();

  private TimeSteps() {}

  /**
   * The column's step; SQLite's driver keeps times to the millisecond. A column the database
   * does not describe counts as microseconds, the finest Cascade uses.
   */
  static TimeStep of(Handle handle, Dialect dialect, String table, String column) {
    if (dialect == Dialect.SQLITE) {
      return TimeStep.MILLIS;
    }
    Tables tables = Tables.of(handle);
    return KNOWN.computeIfAbsent(
        tables.location() + "|" + table + "|" + column,
        key -> tables.fractionalDigits(table, column).map(TimeStep::ofFractionalDigits).orElse(TimeStep.MICROS)
            .coarser(TimeStep.MICROS));
  }
}
