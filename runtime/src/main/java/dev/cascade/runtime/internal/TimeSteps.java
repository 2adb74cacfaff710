package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.Dialect;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The time steps of the columns an operation writes its marker into, read once from the
 * database's metadata and remembered for the JVM's life (by database and table): a soft delete's
 * marker must differ from every other operation's at the step its columns store.
 */
public final class TimeSteps {
  private static final Map<String, TimeStep> KNOWN = new ConcurrentHashMap<>();
  /** SQLite's rule for text affinity: a declared type that contains one of these. */
  private static final Pattern TEXT_AFFINITY = Pattern.compile("CHAR|CLOB|TEXT", Pattern.CASE_INSENSITIVE);

  private TimeSteps() {}

  /**
   * The column's step; SQLite's driver keeps times to the millisecond. A column the database
   * does not describe counts as microseconds, the finest Cascade uses. A column that cannot keep
   * markers ({@link #unusable}) fails the delete before it changes anything.
   */
  static TimeStep of(Handle handle, Dialect dialect, String table, String column) {
    Tables tables = Tables.of(handle);
    return KNOWN.computeIfAbsent(
        tables.location() + "|" + table + "|" + column,
        key -> {
          unusable(tables, dialect, table, column).ifPresent(problem -> {
            throw new CascadeException(problem);
          });
          if (dialect == Dialect.SQLITE) {
            return TimeStep.MILLIS;
          }
          return tables.fractionalDigits(table, column).map(TimeStep::ofFractionalDigits).orElse(TimeStep.MICROS)
              .coarser(TimeStep.MICROS);
        });
  }

  /**
   * What makes a marker column unusable, if anything:
   *
   * <ul>
   *   <li>a {@code DATE} keeps the day only. A column of whole seconds works: markers are then a
   *       second apart, so more than one delete a second writes times a little ahead of the clock;
   *   <li>on SQLite, a column declared with text affinity ({@code TEXT}, {@code VARCHAR},
   *       {@code CLOB}): the driver writes a time as epoch milliseconds, which such a column keeps
   *       as the text {@code '1795967933270'}, and then cannot read back as a time, so every restore
   *       and purge of those rows would fail.
   * </ul>
   */
  public static Optional<String> unusable(Tables tables, Dialect dialect, String table, String column) {
    String what = table.endsWith("_trash") ? "trashes" : "soft deletes";
    if (dialect == Dialect.SQLITE) {
      return tables.typeName(table, column)
          .filter(type -> TEXT_AFFINITY.matcher(type).find())
          .map(type -> table + "." + column + " is declared " + type + ", which SQLite keeps as text: Cascade's "
              + what + " would write epoch milliseconds (as the SQLite driver writes every time) that the driver then"
              + " cannot read back as a time, so restores and purges would fail; declare it TIMESTAMP, DATETIME or"
              + " INTEGER (SQLite does not change a column's type: copy the table, or add a new column)");
    }
    return tables.sqlType(table, column)
        .filter(type -> type == Types.DATE)
        .map(type -> table + "." + column + " is a DATE, which keeps the day only: two " + what + " of one day could"
            + " not be told apart, and a restore could bring back rows another delete removed; make it a TIMESTAMP");
  }
}
