package dev.cascade.runtime;

import dev.cascade.runtime.internal.Journals;
import dev.cascade.runtime.internal.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Writes the DDL of the trash tables generated deleters need, for a migration or a test. Prefer the
 * form that reads the live database:
 *
 * <pre>{@code
 * TrashTables.ddl(handle, UserDeleter.schema(), ProjectDeleter.schema()).forEach(handle::execute);
 * String migration = TrashTables.script(handle, UserDeleter.schema());
 * }</pre>
 *
 * <p>A trash table has every column of its table, none required, with no key, unique, foreign key,
 * check, default or identity, so that any row fits (MariaDB's {@code json_valid} check of a {@code
 * JSON} column stays: it is what makes the column JSON there); plus the time it was trashed, {@code
 * original_table} and {@code deletion_id}; and the indexes restore looks rows up by.
 *
 * <p>{@link #ddl(Handle, CascadeSchema...)} gives each trash column exactly the type of the column
 * it copies, read from the database's own catalog ({@code format_type} on PostgreSQL, {@code
 * INFORMATION_SCHEMA.COLUMNS} on H2, {@code COLUMN_TYPE} with character set and collation on MariaDB
 * and MySQL, the declared type on SQLite), so a row comes back from the trash with the very same
 * values: a {@code timestamp(3) with time zone} stays one, a {@code numeric(12,4)} keeps its scale,
 * a {@code utf8mb4} text its characters. The databases' own copy forms were not used: PostgreSQL's
 * {@code CREATE TABLE ... (LIKE t)} keeps every {@code NOT NULL}, MySQL's {@code CREATE TABLE ...
 * LIKE t} keeps keys and {@code AUTO_INCREMENT} and its {@code CREATE TABLE ... SELECT} keeps {@code
 * NOT NULL} and defaults, SQLite's {@code CREATE TABLE ... AS SELECT} keeps only an affinity and
 * drops the declared type (H2's {@code CREATE TABLE ... AS ... WITH NO DATA} would do); and a
 * migration written from the catalog shows each type it creates, the same way on every database.
 *
 * <p>{@link #ddl(Dialect, CascadeSchema...)} needs no database: it writes types from the records'
 * Java types ({@code Instant} is a {@code TIMESTAMP(6)} without time zone, {@code String} a {@code
 * TEXT}), which hold the records' values but may differ from the source columns, losing a time
 * zone or a character set on the way. Review them; {@link SchemaCheck} reports each difference.
 */
public final class TrashTables {
  private TrashTables() {}

  /**
   * The statements that create every trash table of these schemas that this handle's database
   * does not have yet, each table once, with the column types of the tables they copy as the
   * database has them, that add to the trash tables it has the columns their records name and they
   * lack (and, for a column the table takes no null in and has a default for, give the rows trashed
   * before it that default, as the database gave the table's rows when the column was added: a
   * restore copies the trash's null and would fail), and that create the handle's operations
   * journal if the database lacks it and {@link CascadeConfig#setJournalTable} did not turn it off:
   * running them again, or after adding a model or a column, creates only what is missing, and none
   * are left once nothing is. The tables they copy must exist.
   */
  public static List<String> ddl(Handle handle, CascadeSchema... schemas) {
    DatabaseTypes database = new DatabaseTypes(handle);
    SchemaArguments.require("TrashTables.ddl", schemas);
    Tables tables = Tables.of(handle);
    Filler defaults = (schema, table, column) -> TrashContents.fill(tables, database.dialect(), schema, table, column.name())
        .filter(fill -> fill.value().isPresent())
        .map(TrashContents.Fill::update);
    return ddl(
        database.dialect(), new SourceColumnTypes(database), Journals.table(handle), tables::exists, tables::columns, defaults,
        schemas);
  }

  /** {@link #ddl(Handle, CascadeSchema...)} joined with semicolons and new lines, for a migration file. */
  public static String script(Handle handle, CascadeSchema... schemas) {
    SchemaArguments.require("TrashTables.script", schemas);
    return script(ddl(handle, schemas));
  }

  /**
   * The statements that create every trash table of these schemas, each table once, with types
   * from the records' Java types, and the operations journal {@value CascadeConfig#DEFAULT_JOURNAL_TABLE}
   * ({@code IF NOT EXISTS}): for a migration written without a database. Prefer {@link
   * #ddl(Handle, CascadeSchema...)}, which copies the source columns' exact types.
   */
  public static List<String> ddl(Dialect dialect, CascadeSchema... schemas) {
    SchemaArguments.require("TrashTables.ddl", dialect);
    SchemaArguments.require("TrashTables.ddl", schemas);
    return ddl(
        dialect, new ModelColumnTypes(dialect), Optional.of(CascadeConfig.DEFAULT_JOURNAL_TABLE), table -> false,
        table -> Set.of(), (schema, table, column) -> Optional.empty(), schemas);
  }

  /** {@link #ddl(Dialect, CascadeSchema...)} joined with semicolons and new lines, for a migration file. */
  public static String script(Dialect dialect, CascadeSchema... schemas) {
    SchemaArguments.require("TrashTables.script", dialect);
    SchemaArguments.require("TrashTables.script", schemas);
    return script(ddl(dialect, schemas));
  }

  /** The statement that gives the rows of a trash table a column added to it, where one is needed. */
  private interface Filler {
    Optional<String> update(CascadeSchema schema, CascadeSchema.Table table, CascadeSchema.Column column);
  }

  /** Every part of the schema Cascade needs, in the order the statements must run. */
  private static List<String> ddl(
      Dialect dialect, ColumnTypes types, Optional<String> journal, Predicate<String> exists,
      Function<String, Set<String>> columns, Filler filler, CascadeSchema... schemas) {
    List<String> statements = new ArrayList<>();
    statements.addAll(trashTables(dialect, types, exists, columns, filler, schemas));
    journal.filter(table -> !exists.test(table)).ifPresent(table -> statements.addAll(Journal.ddl(dialect, table)));
    return List.copyOf(statements);
  }

  /**
   * A trash table that does not exist, created; one that does, given each column of its record it
   * lacks (a column added to the table and the record after rows were trashed), with what the rows
   * trashed before then need, where {@code filler} knows it ({@link SchemaCheck} says it otherwise).
   */
  private static List<String> trashTables(
      Dialect dialect, ColumnTypes types, Predicate<String> exists, Function<String, Set<String>> columns, Filler filler,
      CascadeSchema... schemas) {
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    for (CascadeSchema schema : schemas) {
      for (CascadeSchema.Table table : schema.tables()) {
        table
            .trashTable()
            .filter(trash -> !byTable.containsKey(trash))
            .ifPresent(trash -> byTable.put(trash, exists.test(trash)
                ? missingColumns(dialect, types, filler, schema, table, columns.apply(trash))
                : new TrashTableDdl(dialect, types, schema, table).statements()));
      }
    }
    return byTable.values().stream().flatMap(List::stream).toList();
  }

  private static List<String> missingColumns(
      Dialect dialect, ColumnTypes types, Filler filler, CascadeSchema schema, CascadeSchema.Table table,
      Set<String> present) {
    List<String> statements = new ArrayList<>();
    for (CascadeSchema.Column column : table.columns()) {
      if (!present.contains(column.name().toLowerCase(Locale.ROOT))) {
        statements.add(TrashTableDdl.addColumn(dialect, types, schema, table, column));
        filler.update(schema, table, column).ifPresent(statements::add);
      }
    }
    return statements;
  }

  private static String script(List<String> statements) {
    return statements.stream().map(s -> s + ";").collect(Collectors.joining("\n"));
  }
}
