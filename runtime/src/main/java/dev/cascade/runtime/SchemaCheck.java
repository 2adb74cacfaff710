package dev.cascade.runtime;

import dev.cascade.runtime.internal.Journals;
import dev.cascade.runtime.internal.Protocol;
import dev.cascade.runtime.internal.Tables;
import dev.cascade.runtime.internal.TimeSteps;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * Compares generated deleters' schemas with a live database before any data is touched: at
 * start-up, or in a test after migrations.
 *
 * <pre>{@code
 * SchemaCheck.verify(handle, UserDeleter.schema(), ProjectDeleter.schema());
 * }</pre>
 *
 * <p>It reports a missing table or column, a column the table has but the record does not (a
 * trash copy would lose it), a missing trash table or trash column, a trash column whose type is
 * not the type of the column it copies (as {@link TrashTables#ddl(Dialect, CascadeSchema...)} may
 * have written it; on SQLite, one of another affinity), with the statement that fixes it, a
 * foreign key without an index (every delete would scan the table), with a {@code CREATE INDEX}
 * that runs as printed on this database, a foreign key into a table Cascade deletes from that the
 * model does not name, an {@code ON DELETE} action on one it names ({@link ForeignKeyCheck}), and a
 * soft-delete or trash time column that cannot keep markers: too coarse to tell two deletes apart
 * (a {@code DATE}), or on SQLite declared as text, soft-delete columns of one cascade of different
 * types ({@link MarkerTypeCheck}), and trashed rows a restore would not bring back as they were
 * ({@link TrashContents}): nulls in a column the table takes no null in, values in a trash column
 * the table no longer has. Trash tables, and what only a {@code TRASH} delete suffers
 * from (the {@code ON DELETE} actions, a stored column the record leaves out, a computed one it
 * names, a key SQLite hands out again: {@link ReusedKeyCheck}), are checked only if {@code
 * withTrash}.
 */
public final class SchemaCheck {
  private SchemaCheck() {}

  /** Every problem found, one sentence each; empty when the database fits. */
  public static List<String> problems(Handle handle, boolean withTrash, CascadeSchema... schemas) {
    return problems("SchemaCheck.problems", handle, withTrash, schemas);
  }

  /** Throws a {@link CascadeException} listing every problem, if there is any. */
  public static void verify(Handle handle, boolean withTrash, CascadeSchema... schemas) {
    List<String> problems = problems("SchemaCheck.verify", handle, withTrash, schemas);
    if (!problems.isEmpty()) {
      throw new CascadeException(
          "the database does not fit the Cascade models:\n- " + String.join("\n- ", problems));
    }
  }

  private static List<String> problems(String call, Handle handle, boolean withTrash, CascadeSchema... schemas) {
    DatabaseTypes types = new DatabaseTypes(handle);
    SchemaArguments.require(call, schemas);
    Tables tables = Tables.of(handle);
    List<String> problems = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (CascadeSchema schema : schemas) {
      for (CascadeSchema.Table table : schema.tables()) {
        if (seen.add(table.name() + (table.trashTable().isPresent() ? "" : "#related"))) {
          check(handle, tables, types, schema, table, withTrash, problems);
        }
      }
    }
    problems.addAll(MarkerTypeCheck.problems(types, List.of(schemas)));
    Journals.table(handle)
        .filter(journal -> !tables.exists(journal))
        .ifPresent(
            journal ->
                problems.add(
                    "the operations journal " + journal + " does not exist, so every delete would fail; "
                        + Journals.howToCreate(journal)));
    return problems.stream().distinct().toList();
  }

  private static void check(
      Handle handle,
      Tables tables,
      DatabaseTypes types,
      CascadeSchema schema,
      CascadeSchema.Table table,
      boolean withTrash,
      List<String> problems) {
    if (!tables.exists(table.name())) {
      problems.add("table " + table.name() + " does not exist");
      return;
    }
    Set<String> stored = tables.storedColumns(table.name());
    Set<String> actual = new LinkedHashSet<>();
    stored.forEach(column -> actual.add(lower(column)));
    caseKeptInQuotes(tables, types.dialect(), schema, table, stored).forEach(problems::add);
    List<String> unnamed =
        actual.stream().filter(c -> table.columns().stream().noneMatch(m -> lower(m.name()).equals(c))).sorted().toList();
    for (CascadeSchema.Column column : table.columns()) {
      if (!actual.contains(lower(column.name()))) {
        problems.add(
            "table " + table.name() + " has no column " + column.name()
                + (unnamed.isEmpty()
                    ? ", which its record names: add the column to the table, or take the component out of the record"
                    : " (its columns no record component names: " + String.join(", ", unnamed)
                        + "; if one of them is this component's, name it with @Column(\"...\") on the component)"));
      }
    }
    table.softDeleteColumn()
        .filter(column -> actual.contains(lower(column)))
        .flatMap(column -> TimeSteps.unusable(tables, types.dialect(), table.name(), column))
        .ifPresent(problems::add);
    largeObjectsReadAsText(types, table).forEach(problems::add);
    List<Tables.Index> indexes = tables.indexes(table.name());
    table.key()
        .filter(key -> actual.contains(lower(key.name())))
        .filter(key -> indexes.stream().noneMatch(index -> index.unique() && index.columns().equals(List.of(lower(key.name())))))
        .filter(key -> !tables.partitioned(table.name()))
        .ifPresent(
            key ->
                problems.add(
                    "the key of " + table.name() + ", " + key.name() + ", is neither its primary key nor unique on its"
                        + " own, as Cascade needs it: a restore finds that a row below its root lost its key to"
                        + " another row by the database refusing the copy, so here it would bring back a second row"
                        + " with that key, and a delete by the key takes both; make " + key.name()
                        + " the primary key, or give it a unique index"));
    for (CascadeSchema.Column foreignKey : table.foreignKeys()) {
      if (actual.contains(lower(foreignKey.name())) && indexes.stream().noneMatch(index -> serves(index.columns(), foreignKey))) {
        problems.add(
            "foreign key " + table.name() + "." + foreignKey.name()
                + " has no index, so every delete through it scans " + table.name()
                + "; create one: " + createIndex(schema, types.dialect(), table.name(), foreignKey.name())
                + (foreignKey.filteredBy().isEmpty()
                    ? ""
                    : " (or one on (" + String.join(", ", foreignKey.filteredBy()) + ", " + foreignKey.name()
                        + "), which serves as well)"));
      }
    }
    if (table.trashTable().isEmpty()) {
      return;
    }
    problems.addAll(new ForeignKeyCheck(tables, types.dialect(), schema).problems(table, withTrash));
    if (withTrash) {
      problems.addAll(trashedColumns(tables, table, stored));
      new ReusedKeyCheck(handle, types.dialect(), tables).problem(table).ifPresent(problems::add);
      String trash = table.trashTable().get();
      if (!tables.exists(trash)) {
        problems.add("trash table " + trash + " does not exist; TrashTables.ddl(...) writes it");
        return;
      }
      Set<String> trashColumns = tables.columns(trash);
      List<String> needed = new ArrayList<>();
      table.columns().forEach(c -> needed.add(c.name()));
      needed.addAll(List.of(table.trashTimeColumn(), Protocol.ORIGINAL_TABLE, Protocol.DELETION_ID));
      for (String column : needed) {
        if (!trashColumns.contains(lower(column))) {
          problems.add(
              "trash table " + trash + " has no column " + column
                  + missingTrashColumnFix(tables, types, schema, table, actual, column));
        }
      }
      if (trashColumns.contains(lower(table.trashTimeColumn()))) {
        TimeSteps.unusable(tables, types.dialect(), trash, table.trashTimeColumn()).ifPresent(problems::add);
      }
      problems.addAll(new TrashTypeCheck(types, schema).problems(table, trash));
      problems.addAll(new TrashContents(handle, tables, types.dialect(), schema).problems(table, trash, actual));
    }
  }

  /**
   * Columns a trash copy would lose or a restore could not write: a column the database computes
   * that the record names (an insert takes no value for it), and a stored column the record leaves
   * out (the copy does not keep it). A computed column left out of the record is fine: the database
   * computes it again for the restored row.
   */
  private static List<String> trashedColumns(Tables tables, CascadeSchema.Table table, Set<String> stored) {
    List<String> problems = new ArrayList<>();
    Set<String> computed = new LinkedHashSet<>();
    for (String column : tables.computedColumns(table.name())) {
      computed.add(lower(column));
      if (named(table, column)) {
        problems.add(
            "column " + table.name() + "." + shown(column) + " is computed by the database, which takes no value for it,"
                + " so a restore from the trash would fail: leave it out of the record and read it in your own queries");
      }
    }
    for (String column : stored) {
      if (!named(table, column) && !computed.contains(lower(column))) {
        problems.add(
            "column " + table.name() + "." + shown(column) + " is not in the model, so a TRASH delete would not keep it: "
                + restoredWithout(tables, table.name(), column) + "; add it to the record");
      }
    }
    return problems;
  }

  /**
   * What a restore from the trash writes in a column the record leaves out, as the column is now:
   * the insert does not name it, so the database writes its default, or null, which a column that
   * takes no null refuses (a newcomer's trial: a 'published' row came back 'draft').
   */
  private static String restoredWithout(Tables tables, String table, String column) {
    Optional<String> value = tables.columnDefault(table, column);
    if (value.isPresent()) {
      return "a restore would bring it back as its default, " + value.get() + ", whatever it held";
    }
    return tables.notNull(table, column)
        .map(notNull -> notNull ? "a restore would fail, as it takes no null and has no default" : "a restore would bring it back null")
        .orElse("a restore would bring it back null, or fail if it is NOT NULL");
  }

  private static boolean named(CascadeSchema.Table table, String column) {
    return table.columns().stream().anyMatch(c -> lower(c.name()).equals(lower(column)));
  }

  /**
   * How to add a record's column to a trash table made before the column was (a newcomer's trial
   * added one in its second week): the {@code ALTER TABLE} that {@code TrashTables.ddl(handle, ...)}
   * also writes, and, where the table takes no null in it, the {@code UPDATE} that gives the rows
   * trashed before a value to come back with (the column's default, where it has one), as a
   * restore copies the trash's null explicitly and the default never applies.
   *
   * @param actual the columns the table has, in lower case, as {@link #check} read them
   */
  private static String missingTrashColumnFix(
      Tables tables, DatabaseTypes types, CascadeSchema schema, CascadeSchema.Table table, Set<String> actual,
      String column) {
    Optional<CascadeSchema.Column> named =
        table.columns().stream().filter(c -> c.name().equals(column)).findFirst();
    if (named.isEmpty() || !actual.contains(lower(column))) {
      return "";
    }
    String fix = "; add it: " + TrashTableDdl.addColumn(types.dialect(), new SourceColumnTypes(types), schema, table, named.get());
    return fix + TrashContents.fill(tables, types.dialect(), schema, table, column)
        .map(fill -> ", then give the rows trashed before it a value, as " + table.name() + "." + column
            + " takes no null and a restore copies the trash's: " + fill.update())
        .orElse("");
  }

  /**
   * Names stored in a case that the generated SQL does not reach on a database that folds case
   * (PostgreSQL, H2): a name it writes without quotes must be stored as the database folds it
   * ({@code "VenueCode"}, created in quotes, is not {@code venuecode} on PostgreSQL nor {@code
   * VENUECODE} on H2), and a reserved name it writes in quotes must be stored exactly as the model
   * spells it ({@code "USER"} is not {@code "user"}; a newcomer's trial on H2 quoted them in the
   * upper case H2 folds to). SQLite, MySQL and MariaDB find a column in any case.
   */
  private static List<String> caseKeptInQuotes(
      Tables tables, Dialect dialect, CascadeSchema schema, CascadeSchema.Table table, Set<String> stored) {
    if (dialect != Dialect.POSTGRESQL && dialect != Dialect.H2) {
      return List.of();
    }
    UnaryOperator<String> folded = tables.unquotedFolding().orElse(UnaryOperator.identity());
    List<String> problems = new ArrayList<>();
    String storedTable = tables.storedName(table.name()).orElse(reached(schema, dialect, folded, table.name()));
    if (!storedTable.equals(reached(schema, dialect, folded, table.name()))) {
      problems.add(
          "table \"" + storedTable + "\" " + unreached(schema, dialect, folded, table.name()) + ", so every statement on it"
              + " would fail; rename it: ALTER TABLE \"" + storedTable + "\" RENAME TO " + schema.quote(table.name(), dialect)
              + lowerCaseOnH2(dialect, storedTable));
    }
    for (CascadeSchema.Column column : table.columns()) {
      stored.stream()
          .filter(name -> lower(name).equals(lower(column.name())))
          .filter(name -> !name.equals(reached(schema, dialect, folded, column.name())))
          .findFirst()
          .ifPresent(
              name ->
                  problems.add(
                      "column " + table.name() + ".\"" + name + "\" " + unreached(schema, dialect, folded, column.name())
                          + ", so every statement on " + table.name() + " would fail; rename it: ALTER TABLE "
                          + schema.quote(table.name(), dialect) + " RENAME COLUMN \"" + name + "\" TO "
                          + schema.quote(column.name(), dialect) + lowerCaseOnH2(dialect, name)));
    }
    return problems;
  }

  /**
   * On H2, for a name stored in lower case: the other way to a fix, where another library writes
   * the name quoted in lower case and a rename would break it (Hibernate quoting keywords and the
   * columns that point at them, in a newcomer's trial).
   */
  private static String lowerCaseOnH2(Dialect dialect, String stored) {
    return dialect == Dialect.H2 && stored.equals(lower(stored))
        ? "; or, where other code writes the name quoted in lower case (Hibernate quoting keywords), open H2 with"
            + " ;DATABASE_TO_LOWER=TRUE instead, under which both find it"
        : "";
  }

  /**
   * On PostgreSQL, a {@code String} component over an {@code oid} column: a large object, as
   * Hibernate maps a {@code @Lob String} there. Cascade trashes and restores the column intact, but
   * the records it reads carry the object's number, not its text (a newcomer's trial read {@code
   * description=16888}).
   */
  private static List<String> largeObjectsReadAsText(DatabaseTypes types, CascadeSchema.Table table) {
    if (types.dialect() != Dialect.POSTGRESQL || table.trashTable().isEmpty()) {
      return List.of();
    }
    Map<String, String> stored = types.of(table.name());
    return table.columns().stream()
        .filter(c -> c.javaType() == String.class && "oid".equals(stored.get(lower(c.name()))))
        .map(c -> "column " + table.name() + "." + c.name() + " is an oid, a large object (Hibernate's @Lob String on"
            + " PostgreSQL), and its record component a String: Cascade trashes and restores the column intact, but"
            + " the records it reads for listeners and returns from restores carry the object's number, not its"
            + " text; store the text as text (ALTER TABLE " + table.name() + " ALTER COLUMN " + c.name() + " TYPE"
            + " text USING convert_from(lo_get(" + c.name() + "), 'UTF8'), and in JPA @Column(columnDefinition ="
            + " \"text\") without @Lob), or declare the component as a long if the number is what you want")
        .toList();
  }

  /** The name as the database must store it for generated SQL to find it. */
  private static String reached(CascadeSchema schema, Dialect dialect, UnaryOperator<String> folded, String name) {
    return bare(schema, dialect, name) ? folded.apply(name) : name;
  }

  /** Why a name stored in another case is not found, as the rest of a sentence. */
  private static String unreached(CascadeSchema schema, Dialect dialect, UnaryOperator<String> folded, String name) {
    if (bare(schema, dialect, name)) {
      return "keeps its case, as it was created in quotes, but Cascade writes " + name
          + " without quotes, which this database reads as " + folded.apply(name);
    }
    return "is stored in that case, but Cascade writes " + schema.quote(name, dialect) + " in quotes, as " + name
        + " is reserved here, which this database matches exactly (create a reserved name in quotes as the model spells it)";
  }

  /** Whether generated SQL writes this name without quotes on this database. */
  private static boolean bare(CascadeSchema schema, Dialect dialect, String name) {
    return schema.quote(name, dialect).equals(name);
  }

  /**
   * Whether an index serves the statements that reach rows through this foreign key: it starts
   * with the column, or, for a polymorphic key, with columns of its {@code where} and then the
   * column ({@code (subject_type, subject_id)}).
   */
  private static boolean serves(List<String> index, CascadeSchema.Column foreignKey) {
    int position = index.indexOf(lower(foreignKey.name()));
    return position >= 0
        && index.subList(0, position).stream()
            .allMatch(column -> foreignKey.filteredBy().stream().anyMatch(filter -> lower(filter).equals(column)));
  }

  /**
   * A statement that runs as printed on the connected database: the index is named, as SQLite,
   * MySQL and MariaDB require, and reserved names are quoted as generated SQL quotes them; a long
   * index name is cut as {@link IndexNames} cuts it.
   */
  private static String createIndex(CascadeSchema schema, Dialect dialect, String table, String column) {
    String index = IndexNames.of(table, column + "_idx");
    return "CREATE INDEX " + index + " ON " + schema.quote(table, dialect) + " (" + schema.quote(column, dialect) + ")";
  }

  /** A name as the database stores it where that keeps its case, else in lower case. */
  static String shown(String stored) {
    String shown = Tables.shown(stored);
    return shown.equals(lower(shown)) ? shown : "\"" + stored + "\"";
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
