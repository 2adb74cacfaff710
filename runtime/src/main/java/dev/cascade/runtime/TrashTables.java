package dev.cascade.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the DDL of the trash tables generated deleters need, for a migration or a test:
 *
 * <pre>{@code
 * for (String ddl : TrashTables.ddl(Dialect.POSTGRESQL, UserDeleter.schema(), ProjectDeleter.schema())) {
 *   handle.execute(ddl);
 * }
 * }</pre>
 *
 * <p>A trash table has every column of its table, none required, so that any row fits, plus the
 * time it was trashed, {@code original_table} and {@code deletion_id}, and the indexes restore
 * looks rows up by. SQL types follow the records' Java types; review them in a migration.
 */
public final class TrashTables {
  private TrashTables() {}

  /**
   * The statements that create every trash table of these schemas, each table once, and the
   * operations journal ({@link Journal#ddl(Dialect)}) unless it exists.
   */
  public static List<String> ddl(Dialect dialect, CascadeSchema... schemas) {
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    for (CascadeSchema schema : schemas) {
      for (CascadeSchema.Table table : schema.tables()) {
        table.trashTable().ifPresent(trash -> byTable.computeIfAbsent(trash, t -> ddl(dialect, schema, table, t)));
      }
    }
    List<String> statements = new ArrayList<>(byTable.values().stream().flatMap(List::stream).toList());
    statements.addAll(Journal.ddl(dialect));
    return statements;
  }

  private static List<String> ddl(Dialect dialect, CascadeSchema schema, CascadeSchema.Table table, String trash) {
    List<String> columns = new ArrayList<>();
    for (CascadeSchema.Column column : table.columns()) {
      boolean indexed = column.role() != CascadeSchema.Role.PLAIN;
      columns.add(schema.quote(column.name(), dialect) + " " + SqlTypes.of(column.javaType(), dialect, indexed));
    }
    String time = schema.quote(table.trashTimeColumn(), dialect);
    columns.add(time + " " + SqlTypes.of(java.time.Instant.class, dialect, true) + " NOT NULL");
    columns.add("original_table VARCHAR(100) NOT NULL");
    columns.add("deletion_id VARCHAR(36) NOT NULL");

    String quotedTrash = schema.quote(trash, dialect);
    List<String> statements = new ArrayList<>();
    statements.add("CREATE TABLE " + quotedTrash + " (" + String.join(", ", columns) + ")");
    statements.add(index(trash, "deletion_id", quotedTrash, "deletion_id"));
    table
        .key()
        .ifPresent(
            key -> statements.add(index(trash, key.name(), quotedTrash, schema.quote(key.name(), dialect) + ", " + time)));
    for (CascadeSchema.Column foreignKey : table.foreignKeys()) {
      statements.add(
          index(trash, foreignKey.name(), quotedTrash, schema.quote(foreignKey.name(), dialect) + ", deletion_id"));
    }
    return statements;
  }

  private static String index(String trash, String name, String quotedTrash, String columns) {
    return "CREATE INDEX " + trash + "_" + name + " ON " + quotedTrash + " (" + columns + ")";
  }

  /** The statements joined with semicolons and new lines, for a migration file. */
  public static String script(Dialect dialect, CascadeSchema... schemas) {
    return ddl(dialect, schemas).stream().map(s -> s + ";").collect(Collectors.joining("\n"));
  }
}
