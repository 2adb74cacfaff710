package dev.cascade.runtime;

import dev.cascade.runtime.internal.StepList;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables one generated deleter touches, from {@code XDeleter.schema()}: the tables of its
 * cascade with every column and their trash tables, and the tables its {@code SET_NULL} and
 * {@code RESTRICT} relations point into, with their foreign key. {@link TrashTables} writes DDL
 * from it; {@link SchemaCheck} compares it with a live database.
 */
public final class CascadeSchema {
  private final List<Table> tables;
  private final Map<String, Set<Dialect>> reserved;

  private CascadeSchema(List<Table> tables, Map<String, Set<Dialect>> reserved) {
    this.tables = List.copyOf(tables);
    this.reserved = Map.copyOf(reserved);
  }

  public List<Table> tables() {
    return tables;
  }

  /**
   * The table of this name that the cascade deletes and restores, with its trash table: not one
   * it only unlinks or that restricts it (those have no trash table), when the schema has it.
   */
  public Optional<Table> cascadeTable(String name) {
    return tables.stream().filter(t -> t.name().equals(name) && t.trashTable().isPresent()).findFirst();
  }

  /** The name as generated SQL writes it on this dialect: quoted where the dialect reserves it. */
  public String quote(String name, Dialect dialect) {
    if (!reserved.getOrDefault(name, Set.of()).contains(dialect)) {
      return name;
    }
    return dialect == Dialect.MYSQL ? "`" + name + "`" : "\"" + name + "\"";
  }

  /**
   * Used by generated code: the tables it lists as values, a table or column to a line, each the
   * name of a {@link Builder} method followed by its arguments.
   */
  public static CascadeSchema of(Object... rows) {
    Builder builder = builder();
    StepList list = new StepList("the schema", rows);
    while (list.hasNext()) {
      String row = list.step();
      switch (row) {
        case "reserved" -> builder.reserved(list.string(), list.dialects());
        case "table" -> builder.table(list.string(), list.string(), list.string());
        case "relatedTable" -> builder.relatedTable(list.string());
        case "softDeleteColumn" -> builder.softDeleteColumn(list.string());
        case "key" -> builder.key(list.string(), list.type());
        case "keyAndForeignKey" -> builder.keyAndForeignKey(list.string(), list.type());
        case "foreignKey" -> builder.foreignKey(list.string(), list.type());
        case "filteredBy" -> builder.filteredBy(list.string());
        case "column" -> builder.column(list.string(), list.type());
        default -> throw list.unknown(row);
      }
    }
    return builder.build();
  }

  /** Lists the tables one at a time: for tests and tools that describe a schema by hand. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One table.
   *
   * @param trashTable for a table of the cascade, its trash table; empty for a related table
   * @param trashTimeColumn the trash table's column for when a row was trashed ({@code
   *     deleted_at}, or {@code trashed_at} when the table has a {@code deleted_at} of its own)
   * @param softDeleteColumn for a table of the cascade, its soft-delete column, when it has one
   */
  public record Table(
      String name,
      List<Column> columns,
      Optional<String> trashTable,
      String trashTimeColumn,
      Optional<String> softDeleteColumn) {
    public Table {
      columns = List.copyOf(columns);
    }

    public Optional<Column> key() {
      return columns.stream().filter(c -> c.role() == Role.KEY).findFirst();
    }

    /** The foreign keys of the model's relations that are not the key too. */
    public List<Column> foreignKeys() {
      return columns.stream().filter(c -> c.role() == Role.FOREIGN_KEY).toList();
    }

    /**
     * Whether a relation of the model has this column (in any case) as its foreign key: one of
     * {@link #foreignKeys()}, or the key where it is a foreign key too.
     */
    public boolean namesForeignKey(String column) {
      return columns.stream()
          .anyMatch(c -> (c.role() == Role.FOREIGN_KEY || c.alsoForeignKey()) && c.name().equalsIgnoreCase(column));
    }
  }

  /**
   * A column and the Java type of its record component.
   *
   * @param filteredBy for a polymorphic foreign key, the columns of its relations' {@code where}
   *     ({@code subject_type}): an index that starts with them and then this column serves the
   *     statements that reach rows through it as well as one on the column alone
   * @param alsoForeignKey for the key, whether it is a relation's foreign key too: the table of a
   *     subclass in JPA's {@code JOINED} inheritance, or of a {@code @MapsId} one-to-one
   */
  public record Column(String name, Class<?> javaType, Role role, List<String> filteredBy, boolean alsoForeignKey) {
    public Column {
      filteredBy = List.copyOf(filteredBy);
    }

    /** A column that is not both key and foreign key. */
    public Column(String name, Class<?> javaType, Role role, List<String> filteredBy) {
      this(name, javaType, role, filteredBy, false);
    }

    /** A column no {@code where} filters. */
    public Column(String name, Class<?> javaType, Role role) {
      this(name, javaType, role, List.of());
    }
  }

  /** What a column is to Cascade. */
  public enum Role {
    KEY,
    FOREIGN_KEY,
    PLAIN
  }

  /** Lists tables and their columns, as generated code does. */
  public static final class Builder {
    private final List<Table> tables = new ArrayList<>();
    private String name;
    private Optional<String> trashTable;
    private String trashTimeColumn;
    private Optional<String> softDeleteColumn = Optional.empty();
    private final List<Column> columns = new ArrayList<>();
    private final Map<String, Set<Dialect>> reserved = new HashMap<>();

    /** A name these dialects reserve, to be quoted there. */
    public Builder reserved(String name, Dialect... dialects) {
      reserved.computeIfAbsent(name, n -> EnumSet.noneOf(Dialect.class)).addAll(List.of(dialects));
      return this;
    }

    /** Starts a table of the cascade. */
    public Builder table(String name, String trashTable, String trashTimeColumn) {
      finish();
      this.name = name;
      this.trashTable = Optional.of(trashTable);
      this.trashTimeColumn = trashTimeColumn;
      return this;
    }

    /** Starts a table a relation unlinks or is blocked by, outside the cascade. */
    public Builder relatedTable(String name) {
      finish();
      this.name = name;
      this.trashTable = Optional.empty();
      this.trashTimeColumn = "deleted_at";
      return this;
    }

    /** The current table's soft-delete column. */
    public Builder softDeleteColumn(String column) {
      this.softDeleteColumn = Optional.of(column);
      return this;
    }

    public Builder key(String column, Class<?> javaType) {
      columns.add(new Column(column, javaType, Role.KEY));
      return this;
    }

    /** The key, which a relation's foreign key is too ({@link Column#alsoForeignKey}). */
    public Builder keyAndForeignKey(String column, Class<?> javaType) {
      columns.add(new Column(column, javaType, Role.KEY, List.of(), true));
      return this;
    }

    public Builder foreignKey(String column, Class<?> javaType) {
      columns.add(new Column(column, javaType, Role.FOREIGN_KEY));
      return this;
    }

    /**
     * A column of the current table's last foreign key's relations' {@code where}: the foreign
     * key is polymorphic.
     */
    public Builder filteredBy(String column) {
      Column foreignKey = columns.isEmpty() ? null : columns.get(columns.size() - 1);
      if (foreignKey == null || foreignKey.role() != Role.FOREIGN_KEY) {
        throw new IllegalStateException("filteredBy(\"" + column + "\") follows no foreign key");
      }
      List<String> filteredBy = new ArrayList<>(foreignKey.filteredBy());
      filteredBy.add(column);
      columns.set(columns.size() - 1, new Column(foreignKey.name(), foreignKey.javaType(), Role.FOREIGN_KEY, filteredBy));
      return this;
    }

    public Builder column(String column, Class<?> javaType) {
      columns.add(new Column(column, javaType, Role.PLAIN));
      return this;
    }

    public CascadeSchema build() {
      finish();
      return new CascadeSchema(tables, reserved);
    }

    private void finish() {
      if (name != null) {
        tables.add(new Table(name, columns, trashTable, trashTimeColumn, softDeleteColumn));
        columns.clear();
        name = null;
        softDeleteColumn = Optional.empty();
      }
    }
  }
}
