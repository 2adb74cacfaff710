package dev.cascade.runtime;

import java.util.Locale;
import java.util.Map;

/**
 * The source columns' own types, read from the live database ({@link DatabaseTypes}), so that a
 * trash column is of exactly the type of the column it copies.
 *
 * <p>The trash time column is of the type of the table's soft-delete column when it has one that
 * keeps a time ({@link #holdsATime}), so that the two times of a row soft-deleted and then trashed
 * are alike (same time zone handling, same precision) and compare as the user's own queries expect.
 * Otherwise it is the database's finest
 * timestamp: {@code timestamp(6) with time zone} on PostgreSQL and H2, which names an instant
 * whatever the session's time zone; {@code DATETIME(6)} on MariaDB and MySQL, whose {@code
 * TIMESTAMP} ends in 2038; {@code TIMESTAMP} on SQLite, whose driver writes milliseconds.
 */
final class SourceColumnTypes implements ColumnTypes {
  private final DatabaseTypes database;

  SourceColumnTypes(DatabaseTypes database) {
    this.database = database;
  }

  @Override
  public String of(CascadeSchema.Table table, CascadeSchema.Column column) {
    return database.nullable(type(table, column.name()));
  }

  @Override
  public String trashTime(CascadeSchema.Table table) {
    return table.softDeleteColumn()
        .map(column -> type(table, column))
        .filter(type -> holdsATime(database.dialect(), type))
        .orElseGet(this::finestTimestamp);
  }

  /**
   * Whether a column of this type keeps a marker as a time: not a {@code DATE}, which keeps the day
   * only, nor on SQLite a column of text affinity, which keeps the driver's epoch milliseconds as
   * text it cannot read back ({@code SchemaCheck} reports such a soft-delete column). The trash time
   * column does not copy such a type: a newcomer's trial, its {@code deleted_at} declared {@code
   * TEXT} on SQLite, got {@code trashed_at TEXT} from {@link TrashTables#ddl}, which {@code
   * SchemaCheck} then refused, and every trash with it.
   */
  static boolean holdsATime(Dialect dialect, String type) {
    if (dialect == Dialect.SQLITE) {
      return SqliteAffinity.of(type) != SqliteAffinity.TEXT;
    }
    return !TrashTypeCheck.normal(type).equals("date");
  }

  private String finestTimestamp() {
    return switch (database.dialect()) {
      case POSTGRESQL -> "timestamp(6) with time zone";
      case H2 -> "TIMESTAMP(6) WITH TIME ZONE";
      case MYSQL -> "DATETIME(6)";
      case SQLITE -> "TIMESTAMP";
    };
  }

  private String type(CascadeSchema.Table table, String column) {
    Map<String, String> types = database.of(table.name());
    if (types.isEmpty()) {
      throw new CascadeException(
          "cannot write the trash table of " + table.name() + ": table " + table.name()
              + " does not exist; create it first, its trash table copies its column types");
    }
    String type = types.get(column.toLowerCase(Locale.ROOT));
    if (type == null) {
      throw new CascadeException(
          "cannot write the trash table of " + table.name() + ": table " + table.name() + " has no column "
              + column + "; add it, or fix the record (SchemaCheck.problems lists every difference)");
    }
    return type;
  }
}
