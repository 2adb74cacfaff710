package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.Dialect;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * The time steps of the columns an operation writes its marker into, read once from the
 * database's metadata and remembered for the JVM's life (by database and table): a soft delete's
 * marker must differ from every other operation's at the step its columns store.
 */
public final class TimeSteps {
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
        key -> {
          tooCoarse(tables, table, column).ifPresent(problem -> {
            throw new CascadeException(problem);
          });
          return tables.fractionalDigits(table, column).map(TimeStep::ofFractionalDigits).orElse(TimeStep.MICROS)
              .coarser(TimeStep.MICROS);
        });
  }

  /**
   * What makes a marker column unusable, if anything: a {@code DATE} keeps the day only. A column
   * of whole seconds works: markers are then a second apart, so more than one delete a second
   * writes times a little ahead of the clock.
   */
  public static Optional<String> tooCoarse(Tables tables, String table, String column) {
    return tables.sqlType(table, column)
        .filter(type -> type == Types.DATE)
        .map(type -> table + "." + column + " is a DATE, which keeps the day only: two "
            + (table.endsWith("_trash") ? "trashes" : "soft deletes") + " of one day could not be told apart, and a"
            + " restore could bring back rows another delete removed; make it a TIMESTAMP");
  }
}
