package dev.cascade.runtime;

import dev.cascade.runtime.internal.PlainSqlParser;
import dev.cascade.runtime.internal.Protocol;
import dev.cascade.runtime.internal.Tables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What the rows of a trash table hold that a restore would not bring back as they were, after the
 * table it copies changed (a newcomer's "year in production"): nulls in a column the table now
 * takes no null for (added later, or made {@code NOT NULL}), which a restore copies and the
 * database refuses; and values in a trash column the table no longer has (renamed or dropped),
 * which no restore reads, and which go with the trash row it deletes.
 *
 * <p>Each is found with a query that stops at the first row: {@code SELECT 1 FROM t_trash WHERE
 * ... LIMIT 1}. The {@code NOT NULL} columns of one trash table are probed together, and one by
 * one only where that finds a row, so a trash table without such nulls costs one pass; a column
 * the table does not have is probed alone, as such columns are rare.
 */
record TrashContents(Handle handle, Tables tables, Dialect dialect, CascadeSchema schema) {

  /**
   * The statement that gives the rows of a trash table that hold null in a column the table takes
   * no null for the column's default (or {@code ...} where it has none): a restore copies the
   * trash's null explicitly, so the default never applies by itself.
   */
  record Fill(String trash, String column, Optional<String> value) {
    String update() {
      return "UPDATE " + trash + " SET " + column + " = " + value.orElse("...") + " WHERE " + column + " IS NULL";
    }
  }

  /** The {@link Fill} of this column of the table's trash table; empty where the table takes null in it. */
  static Optional<Fill> fill(Tables tables, Dialect dialect, CascadeSchema schema, CascadeSchema.Table table, String column) {
    if (!tables.notNull(table.name(), column).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(
        new Fill(
            schema.quote(table.trashTable().orElseThrow(), dialect), schema.quote(column, dialect),
            tables.columnDefault(table.name(), column)));
  }

  /**
   * The problems of the rows in this trash table, which exists.
   *
   * @param source the columns the table has, in lower case
   */
  List<String> problems(CascadeSchema.Table table, String trash, Set<String> source) {
    Set<String> stored = tables.storedColumns(trash);
    Set<String> copied = new LinkedHashSet<>();
    stored.forEach(column -> copied.add(lower(column)));
    List<String> problems = new ArrayList<>();
    problems.addAll(nulls(table, trash, source, copied));
    problems.addAll(unknownColumns(table, trash, source, stored, copied));
    return problems;
  }

  /** Columns the record names and the table takes no null in, whose trash copy holds a null. */
  private List<String> nulls(CascadeSchema.Table table, String trash, Set<String> source, Set<String> copied) {
    List<Fill> fills = new ArrayList<>();
    for (CascadeSchema.Column column : table.columns()) {
      String name = lower(column.name());
      if (source.contains(name) && copied.contains(name)) {
        fill(tables, dialect, schema, table, column.name()).ifPresent(fills::add);
      }
    }
    if (fills.isEmpty() || !holds(trash, String.join(" OR ", fills.stream().map(f -> f.column() + " IS NULL").toList()))) {
      return List.of();
    }
    return fills.stream()
        .filter(fill -> fills.size() == 1 || holds(trash, fill.column() + " IS NULL"))
        .map(fill -> "trash table " + trash + " has rows that hold null in " + fill.column() + ", but " + table.name() + "."
            + fill.column() + " takes no null, so a restore of them would fail (rows trashed before the column was added"
            + " to the trash table, or made NOT NULL, or by a build whose record did not name it); give them a value: "
            + fill.update())
        .toList();
  }

  /**
   * Trash columns that are neither a column of the table nor one of the trash's own ({@link
   * Protocol#TRASHED_AT} or the table's trash time column, {@link Protocol#ORIGINAL_TABLE}, {@link
   * Protocol#DELETION_ID}), where some row holds a value: the table's column was renamed or dropped
   * after rows were trashed. A rename is named with the trash column it should become, where the
   * record names a column the trash table lacks (before {@code TrashTables.ddl} adds it empty).
   */
  private List<String> unknownColumns(
      CascadeSchema.Table table, String trash, Set<String> source, Set<String> stored, Set<String> copied) {
    Set<String> own = Set.of(lower(table.trashTimeColumn()), Protocol.ORIGINAL_TABLE, Protocol.DELETION_ID);
    List<String> lacking = table.columns().stream()
        .map(CascadeSchema.Column::name)
        .filter(name -> source.contains(lower(name)) && !copied.contains(lower(name)))
        .toList();
    String quotedTrash = schema.quote(trash, dialect);
    List<String> problems = new ArrayList<>();
    for (String storedColumn : stored) {
      if (source.contains(lower(storedColumn)) || own.contains(lower(storedColumn))) {
        continue;
      }
      String column = name(storedColumn);
      if (!holds(trash, column + " IS NOT NULL")) {
        continue;
      }
      String drop = "ALTER TABLE " + quotedTrash + " DROP COLUMN " + column;
      String renamed = lacking.size() == 1
          ? "if " + table.name() + "." + column + " was renamed to " + lacking.get(0)
              + ", rename it in the trash table too, before TrashTables.ddl adds " + lacking.get(0) + " empty: ALTER TABLE "
              + quotedTrash + " RENAME COLUMN " + column + " TO " + schema.quote(lacking.get(0), dialect)
          : "if " + table.name() + "." + column + " was renamed, copy its values to the trash column of its new name"
              + (lacking.isEmpty() ? "" : " (" + String.join(" or ", lacking) + ", which TrashTables.ddl adds)")
              + ", then drop it: UPDATE " + quotedTrash + " SET ... = " + column + " WHERE ... IS NULL; " + drop;
      problems.add(
          "trash table " + trash + " has a column " + column + " that " + table.name() + " has not, and rows in it hold"
              + " values there, which a restore does not bring back (it deletes the trash row, values and all): "
              + renamed + "; if it was dropped, its values are not restored, and you can drop it from the trash table: "
              + drop);
    }
    return problems;
  }

  /** Whether some row of the trash table meets the condition. */
  private boolean holds(String trash, String condition) {
    String sql = "SELECT 1 FROM " + schema.quote(trash, dialect) + " WHERE " + condition + " LIMIT 1";
    return PlainSqlParser.apply(handle.createQuery(sql)).mapTo(Integer.class).findFirst().isPresent();
  }

  /**
   * A column of the trash table the record does not name, as SQL finds it: in quotes where it keeps
   * a case of its own on a database that folds unquoted names (PostgreSQL, H2) or keeps them
   * (SQLite); otherwise as generated SQL writes a name.
   */
  private String name(String stored) {
    String shown = SchemaCheck.shown(stored);
    return shown.startsWith("\"") && dialect != Dialect.MYSQL ? shown : schema.quote(lower(stored), dialect);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
