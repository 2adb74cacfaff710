package dev.cascade.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares each trash column's type with the type of the column it copies, as the database has
 * them ({@link DatabaseTypes}), and says how to fix a difference: a trash table written from the
 * records' Java types may have turned a {@code timestamptz} into a {@code timestamp}, so that rows
 * come back from the trash shifted by the session's time zone.
 *
 * <p>The trash time column ({@code trashed_at}) is compared with the table's soft-delete column,
 * whose type {@code TrashTables.ddl(handle, ...)} gives it, where that column keeps a time.
 *
 * <p>On SQLite the declared types are compared by affinity: SQLite stores a value by its column's
 * affinity, so a {@code TEXT} trash column keeps every value of a {@code VARCHAR(40)} column,
 * while a {@code NUMERIC} one would turn the text {@code '007'} into the number 7.
 */
record TrashTypeCheck(DatabaseTypes database, CascadeSchema schema) {

  List<String> problems(CascadeSchema.Table table, String trash) {
    Map<String, String> source = database.of(table.name());
    Map<String, String> copy = database.of(trash);
    List<String> problems = new ArrayList<>();
    for (CascadeSchema.Column column : table.columns()) {
      String name = column.name().toLowerCase(Locale.ROOT);
      String expected = source.get(name);
      String actual = copy.get(name);
      if (expected != null && actual != null && !same(expected, actual)) {
        problems.add(
            "trash column " + trash + "." + column.name() + " is " + describe(actual) + " but " + table.name() + "."
                + column.name() + " is " + describe(expected)
                + ", so rows would not come back from the trash as they were; " + fix(trash, column.name(), expected));
      }
    }
    table.softDeleteColumn()
        .filter(soft -> !soft.equalsIgnoreCase(table.trashTimeColumn()))
        .ifPresent(soft -> {
          String expected = source.get(soft.toLowerCase(Locale.ROOT));
          String actual = copy.get(table.trashTimeColumn().toLowerCase(Locale.ROOT));
          // A soft-delete column that keeps no time is reported as such; the trash time is not made like it.
          boolean keepsATime = expected != null && SourceColumnTypes.holdsATime(database.dialect(), expected);
          if (keepsATime && actual != null && !same(expected, actual)) {
            problems.add(
                "trash column " + trash + "." + table.trashTimeColumn() + " is " + describe(actual) + " but "
                    + table.name() + "." + soft + " is " + describe(expected) + ", so a row soft-deleted, then trashed,"
                    + " would not have two times alike; " + fix(trash, table.trashTimeColumn(), expected));
          }
        });
    return problems;
  }

  private boolean same(String expected, String actual) {
    if (database.dialect() == Dialect.SQLITE) {
      return SqliteAffinity.of(expected) == SqliteAffinity.of(actual);
    }
    return normal(expected).equals(normal(actual));
  }

  private String describe(String type) {
    return describe(database.dialect(), type);
  }

  /** A type as messages show it: on SQLite, as declared, with its affinity. */
  static String describe(Dialect dialect, String type) {
    if (dialect == Dialect.SQLITE) {
      return "declared " + (type.isBlank() ? "without a type" : type) + " (affinity " + SqliteAffinity.of(type) + ")";
    }
    return type;
  }

  private String fix(String trash, String column, String type) {
    String recreate = "drop " + trash + " and recreate it with TrashTables.ddl(handle, ...)";
    return new ColumnTypeChange(database, schema)
        .statement(trash, column, type)
        .map(statement -> "change it: " + statement + ", or " + recreate)
        .orElse("SQLite cannot change a column's type: move its rows aside, " + recreate + ", and copy them back");
  }

  /** A type as the database wrote it, in one spelling: lower case, single spaces. */
  static String normal(String type) {
    return type.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
