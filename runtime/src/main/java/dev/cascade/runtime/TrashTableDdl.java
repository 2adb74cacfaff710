package dev.cascade.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that create one trash table: every column of its table, of the type {@link
 * ColumnTypes} gives and without any constraint, default or identity, so that any row fits; then the
 * trash time, {@code original_table} and {@code deletion_id}; then the indexes restore looks rows up
 * by: {@code deletion_id}; the key with {@code deletion_id}, and each foreign key with {@code
 * deletion_id}, so that a row looked up by its key or parent in one operation is one index
 * lookup, which databases pick even before they have statistics on the trash.
 */
record TrashTableDdl(Dialect dialect, ColumnTypes types, CascadeSchema schema, CascadeSchema.Table table) {

  List<String> statements() {
    String trash = table.trashTable().orElseThrow();
    List<String> columns = new ArrayList<>();
    for (CascadeSchema.Column column : table.columns()) {
      columns.add(column(column.name(), types.of(table, column)));
    }
    columns.add(column(table.trashTimeColumn(), types.trashTime(table)) + " NOT NULL");
    columns.add("original_table VARCHAR(100) NOT NULL");
    columns.add("deletion_id VARCHAR(36) NOT NULL");

    String quotedTrash = quote(trash);
    List<String> statements = new ArrayList<>();
    statements.add("CREATE TABLE " + quotedTrash + " (" + String.join(", ", columns) + ")");
    statements.add(index(trash, "deletion_id", quotedTrash, "deletion_id"));
    table.key().ifPresent(key -> statements.add(index(trash, key.name(), quotedTrash, quote(key.name()) + ", deletion_id")));
    for (CascadeSchema.Column foreignKey : table.foreignKeys()) {
      statements.add(index(trash, foreignKey.name(), quotedTrash, quote(foreignKey.name()) + ", deletion_id"));
    }
    return statements;
  }

  /** The statement that adds one of the table's columns to its trash table, as {@link #statements} types it. */
  static String addColumn(Dialect dialect, ColumnTypes types, CascadeSchema schema, CascadeSchema.Table table, CascadeSchema.Column column) {
    TrashTableDdl ddl = new TrashTableDdl(dialect, types, schema, table);
    return "ALTER TABLE " + ddl.quote(table.trashTable().orElseThrow()) + " ADD COLUMN "
        + ddl.column(column.name(), types.of(table, column));
  }

  /** A column; SQLite takes a column without a declared type, and keeps it so. */
  private String column(String name, String type) {
    return type.isEmpty() ? quote(name) : quote(name) + " " + type;
  }

  private String quote(String name) {
    return schema.quote(name, dialect);
  }

  private static String index(String trash, String name, String quotedTrash, String columns) {
    return "CREATE INDEX " + IndexNames.of(trash, name) + " ON " + quotedTrash + " (" + columns + ")";
  }
}
