package dev.cascade.runtime;

import dev.cascade.runtime.internal.PlainSqlParser;
import dev.cascade.runtime.internal.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What the rows of a trash table hold that a restore would not bring back as they were, after the
 * table it copies changed (a newcomer's "year in production"): nulls in a column the table now
 * takes no null for (added later, or made {@code NOT NULL}), which a restore copies and the
 * database refuses.
 *
 * <p>They are found with a query that stops at the first row: {@code SELECT 1 FROM t_trash WHERE
 * ... LIMIT 1}. The {@code NOT NULL} columns of one trash table are probed together, and one by
 * one only where that finds a row, so a trash table without such nulls costs one pass.
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
    return nulls(table, trash, source, tables.columns(trash));
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
            + " to the trash table, or made NOT NULL); give them a value: " + fill.update())
        .toList();
  }

  /** Whether some row of the trash table meets the condition. */
  private boolean holds(String trash, String condition) {
    String sql = "SELECT 1 FROM " + schema.quote(trash, dialect) + " WHERE " + condition + " LIMIT 1";
    return PlainSqlParser.apply(handle.createQuery(sql)).mapTo(Integer.class).findFirst().isPresent();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
