package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * What JDBC metadata says about a table: whether it exists, its columns, which columns lead an
 * index, which foreign keys point at it. Names are matched without regard to case, as unquoted SQL
 * names are, and looked up where SQL finds them: in the connection's schema, and on PostgreSQL then
 * in the other schemas of its search path, in order (read with {@code current_schemas}, on the
 * connection itself, which cannot fail a transaction; a query of PostgreSQL's catalog for its
 * partitions is the only other one).
 */
public final class Tables {
  private final Handle handle;
  private List<String> laterSchemas;
  private Map<String, String> partitionedTables;

  private Tables(Handle handle) {
    this.handle = handle;
  }

  public static Tables of(Handle handle) {
    return new Tables(handle);
  }

  public boolean exists(String table) {
    return locate(table).isPresent();
  }

  /** The table's name as the database stores it; empty when it does not exist. */
  public Optional<String> storedName(String table) {
    return locate(table).map(Located::name);
  }

  /** The table's columns, in lower case; empty when it does not exist. */
  public Set<String> columns(String table) {
    Set<String> columns = new LinkedHashSet<>();
    storedColumns(table).forEach(column -> columns.add(column.toLowerCase(Locale.ROOT)));
    return columns;
  }

  /**
   * How the database stores a name written without quotes: {@code USERS} where it folds to upper
   * case (H2), {@code users} where it folds to lower case (PostgreSQL); empty where it keeps the
   * name as written and finds it in any case (SQLite, MySQL and MariaDB columns).
   */
  public Optional<UnaryOperator<String>> unquotedFolding() {
    return query(
        metadata -> metadata.storesUpperCaseIdentifiers()
            ? Optional.of(name -> name.toUpperCase(Locale.ROOT))
            : metadata.storesLowerCaseIdentifiers()
                ? Optional.of(name -> name.toLowerCase(Locale.ROOT))
                : Optional.empty());
  }

  /** The table's columns as the database stores them; empty when it does not exist. */
  public Set<String> storedColumns(String table) {
    return storedColumns(table, row -> true);
  }

  /**
   * The table's columns the database computes ({@code GENERATED ALWAYS AS (...)}, the catalog's
   * {@code IS_GENERATEDCOLUMN}), as it stores them; an identity key is not one.
   */
  public Set<String> computedColumns(String table) {
    return storedColumns(table, row -> "YES".equalsIgnoreCase(row.getString("IS_GENERATEDCOLUMN")));
  }

  private Set<String> storedColumns(String table, ColumnFilter filter) {
    Set<String> columns = new LinkedHashSet<>();
    Optional<Located> actual = locate(table);
    if (actual.isEmpty()) {
      return columns;
    }
    return query(
        metadata -> {
          try (ResultSet rs = metadata.getColumns(catalog(), actual.get().schema(), escape(metadata, actual.get().name()), null)) {
            while (rs.next()) {
              if (rs.getString("TABLE_NAME").equals(actual.get().name()) && filter.test(rs)) {
                columns.add(rs.getString("COLUMN_NAME"));
              }
            }
          }
          return columns;
        });
  }

  /** Which columns of the catalog's {@code getColumns} to take. */
  private interface ColumnFilter {
    boolean test(ResultSet row) throws SQLException;
  }

  /**
   * How many fractional digits of a second a time column keeps ({@code DECIMAL_DIGITS}), when
   * the database says.
   */
  public Optional<Integer> fractionalDigits(String table, String column) {
    return column(table, column, rs -> {
      int digits = rs.getInt("DECIMAL_DIGITS");
      if (!rs.wasNull()) {
        return Optional.of(digits);
      }
      // MariaDB's driver says no digits, but sizes a DATETIME(n) as 19 characters and a point and
      // n digits: 2026-11-29 12:00:00.250.
      int type = rs.getInt("DATA_TYPE");
      int size = rs.getInt("COLUMN_SIZE");
      boolean timestamp = type == java.sql.Types.TIMESTAMP || type == java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
      return timestamp && size >= 19 ? Optional.of(Math.max(0, size - 20)) : Optional.empty();
    });
  }

  /** The column's JDBC type ({@link java.sql.Types}), as the database describes it. */
  public Optional<Integer> sqlType(String table, String column) {
    return column(table, column, rs -> Optional.of(rs.getInt("DATA_TYPE")));
  }

  /** The column's type as declared ({@code TYPE_NAME}), as the database describes it. */
  public Optional<String> typeName(String table, String column) {
    return column(table, column, rs -> Optional.ofNullable(rs.getString("TYPE_NAME")));
  }

  /** Whether the column takes no null ({@code NULLABLE}), when the database says. */
  public Optional<Boolean> notNull(String table, String column) {
    return column(table, column, rs -> {
      int nullable = rs.getInt("NULLABLE");
      return nullable == DatabaseMetaData.columnNullableUnknown ? Optional.empty()
          : Optional.of(nullable == DatabaseMetaData.columnNoNulls);
    });
  }

  /** The column's default as SQL ({@code COLUMN_DEF}), when it has one. */
  public Optional<String> columnDefault(String table, String column) {
    return column(table, column, rs -> Optional.ofNullable(rs.getString("COLUMN_DEF"))
        .map(String::strip)
        .filter(def -> !def.isEmpty() && !def.equalsIgnoreCase("NULL")));
  }

  /** Reads one column's row of the catalog's {@code getColumns}; empty for an unknown table or column. */
  private <T> Optional<T> column(String table, String column, ColumnReader<T> reader) {
    Optional<Located> actual = locate(table);
    if (actual.isEmpty()) {
      return Optional.empty();
    }
    return query(
        metadata -> {
          try (ResultSet rs = metadata.getColumns(catalog(), actual.get().schema(), escape(metadata, actual.get().name()), null)) {
            while (rs.next()) {
              if (rs.getString("TABLE_NAME").equals(actual.get().name()) && rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                return reader.read(rs);
              }
            }
          }
          return Optional.<T>empty();
        });
  }

  /** What to take from a column's row of the catalog. */
  private interface ColumnReader<T> {
    Optional<T> read(ResultSet row) throws SQLException;
  }

  /** The database, catalog and schema the handle works in: what a table name means. */
  String location() {
    return query(metadata -> metadata.getURL() + "|" + catalog() + "|" + schema());
  }

  /** An index or the primary key: its columns in order, in lower case, and whether it is unique. */
  public record Index(List<String> columns, boolean unique) {}

  /** The table's indexes and primary key; empty for a table that does not exist. */
  public List<Index> indexes(String table) {
    Optional<Located> actual = locate(table);
    if (actual.isEmpty()) {
      return List.of();
    }
    return query(
        metadata -> {
          Map<String, SortedMap<Short, String>> byName = new LinkedHashMap<>();
          Set<String> unique = new HashSet<>();
          try (ResultSet rs = metadata.getIndexInfo(catalog(), actual.get().schema(), actual.get().name(), false, true)) {
            while (rs.next()) {
              String column = rs.getString("COLUMN_NAME");
              if (column != null) {
                String name = "index " + rs.getString("INDEX_NAME");
                byName.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
                if (!rs.getBoolean("NON_UNIQUE")) {
                  unique.add(name);
                }
              }
            }
          }
          try (ResultSet rs = metadata.getPrimaryKeys(catalog(), actual.get().schema(), actual.get().name())) {
            while (rs.next()) {
              byName
                  .computeIfAbsent("primary key", n -> new TreeMap<>())
                  .put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
              unique.add("primary key");
            }
          }
          List<Index> indexes = new ArrayList<>();
          byName.forEach((name, columns) -> indexes.add(new Index(List.copyOf(columns.values()), unique.contains(name))));
          return indexes;
        });
  }

  /**
   * Whether the table is partitioned (PostgreSQL's {@code PARTITION BY}), so that a unique index
   * must hold its partition key.
   */
  public boolean partitioned(String table) {
    return query(metadata -> partitionedTables().containsValue(storedName(table).orElse(table)));
  }

  /**
   * A foreign key that points at a table: the constraint's name (null where the database gives
   * none), the referencing table and column and the column they point at, as the database stores
   * them, and its {@code ON DELETE} action as {@link DatabaseMetaData#importedKeyCascade} and its
   * siblings.
   */
  public record Reference(String name, String table, String column, String pointsAt, int onDelete) {
    /** The action in SQL's words: {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, or {@code NO ACTION}. */
    public String action() {
      return switch (onDelete) {
        case DatabaseMetaData.importedKeyCascade -> "CASCADE";
        case DatabaseMetaData.importedKeySetNull -> "SET NULL";
        case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
        default -> "NO ACTION";
      };
    }

    /** Whether the database changes the referencing rows itself when a row they point at is deleted. */
    public boolean acts() {
      return !action().equals("NO ACTION");
    }
  }

  /**
   * A name from the catalog as a message shows it: in lower case where the database stored it in
   * upper case (H2 folds unquoted names so), as written otherwise.
   */
  public static String shown(String stored) {
    return stored.equals(stored.toUpperCase(Locale.ROOT)) ? stored.toLowerCase(Locale.ROOT) : stored;
  }

  /**
   * The single-column foreign keys that point at the table; empty when it does not exist. On
   * PostgreSQL a partition's key is its partitioned table's, which is what SQL names (PostgreSQL
   * gives every partition a copy of a key declared on the partitioned table, and a newcomer's trial
   * found its purges refused for the partitions' keys, "which the model does not name").
   */
  public List<Reference> references(String table) {
    Optional<Located> actual = locate(table);
    if (actual.isEmpty()) {
      return List.of();
    }
    return query(
        metadata -> {
          List<Reference> firstColumns = new ArrayList<>();
          Set<String> composite = new LinkedHashSet<>();
          Map<String, String> partitioned = partitionedTables();
          try (ResultSet rs = metadata.getExportedKeys(catalog(), actual.get().schema(), actual.get().name())) {
            while (rs.next()) {
              String referencing = rs.getString("FKTABLE_NAME");
              Reference reference =
                  new Reference(
                      rs.getString("FK_NAME"),
                      partitioned.getOrDefault(rs.getString("FKTABLE_SCHEM") + "." + referencing, referencing),
                      rs.getString("FKCOLUMN_NAME"),
                      rs.getString("PKCOLUMN_NAME"),
                      rs.getShort("DELETE_RULE"));
              if (rs.getShort("KEY_SEQ") > 1) {
                composite.add(reference.table() + "|" + reference.name());
              } else {
                firstColumns.add(reference);
              }
            }
          }
          // SQLite names no constraint, so there a composite key's first column counts as one. A
          // partitioned table's key is there once, not once more for each of its partitions.
          Set<String> seen = new LinkedHashSet<>();
          return firstColumns.stream()
              .filter(r -> r.name() == null || r.name().isEmpty() || !composite.contains(r.table() + "|" + r.name()))
              .filter(r -> seen.add(r.table() + "|" + r.column()))
              .toList();
        });
  }

  /** Where a table is: its schema (null where the database has none to name) and its stored name. */
  private record Located(String schema, String name) {}

  /**
   * The table's schema and its name as the database stores it (as written, in lower case, or in
   * upper case): in the connection's schema, or on PostgreSQL in the first later schema of the
   * search path that has it.
   */
  private Optional<Located> locate(String table) {
    Optional<Located> here = locate(table, schema());
    if (here.isPresent()) {
      return here;
    }
    for (String schema : laterSchemas()) {
      Optional<Located> there = locate(table, schema);
      if (there.isPresent()) {
        return there;
      }
    }
    return Optional.empty();
  }

  private Optional<Located> locate(String table, String schema) {
    return query(
        metadata -> {
          Set<String> spellings = new LinkedHashSet<>();
          spellings.add(table);
          spellings.add(table.toLowerCase(Locale.ROOT));
          spellings.add(table.toUpperCase(Locale.ROOT));
          for (String name : spellings) {
            try (ResultSet tables = metadata.getTables(catalog(), schema, escape(metadata, name), null)) {
              while (tables.next()) {
                if (tables.getString("TABLE_NAME").equals(name)) {
                  return Optional.of(new Located(schema, name));
                }
              }
            }
          }
          return Optional.empty();
        });
  }

  /**
   * PostgreSQL's search path after the connection's schema, where an unquoted name is looked up
   * next ({@code ?currentSchema=app,public}); none elsewhere, or if it cannot be read.
   */
  private List<String> laterSchemas() {
    if (laterSchemas == null) {
      laterSchemas = readLaterSchemas();
    }
    return laterSchemas;
  }

  private List<String> readLaterSchemas() {
    try {
      Connection connection = handle.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        return List.of();
      }
      List<String> path = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT unnest(current_schemas(false))")) {
        while (rs.next()) {
          path.add(rs.getString(1));
        }
      }
      path.remove(schema());
      return List.copyOf(path);
    } catch (SQLException e) {
      return List.of();
    }
  }

  /**
   * On PostgreSQL 12 and later, each partition's partitioned table, the top one, by the partition's
   * schema and name ({@code public.payment_p2022_01} to {@code payment}); none elsewhere, or if it
   * cannot be read. Read once.
   */
  private Map<String, String> partitionedTables() throws SQLException {
    if (partitionedTables == null) {
      partitionedTables = new LinkedHashMap<>();
      Connection connection = handle.getConnection();
      DatabaseMetaData metadata = connection.getMetaData();
      if ("PostgreSQL".equals(metadata.getDatabaseProductName()) && metadata.getDatabaseMajorVersion() >= 12) {
        try (Statement statement = connection.createStatement();
            ResultSet rs =
                statement.executeQuery(
                    "SELECT n.nspname, c.relname, r.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " JOIN pg_class r ON r.oid = pg_partition_root(c.oid) WHERE c.relispartition")) {
          while (rs.next()) {
            partitionedTables.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
          }
        }
      }
    }
    return partitionedTables;
  }

  private interface MetadataQuery<R> {
    R run(DatabaseMetaData metadata) throws SQLException;
  }

  private <R> R query(MetadataQuery<R> query) {
    try {
      return query.run(handle.getConnection().getMetaData());
    } catch (SQLException e) {
      throw new CascadeException("cannot read the database's metadata: " + e.getMessage(), e);
    }
  }

  private String catalog() throws SQLException {
    return handle.getConnection().getCatalog();
  }

  private String schema() {
    try {
      return handle.getConnection().getSchema();
    } catch (SQLException | AbstractMethodError unsupported) {
      return null;
    }
  }

  private static String escape(DatabaseMetaData metadata, String name) throws SQLException {
    String escape = metadata.getSearchStringEscape();
    return escape == null ? name : name.replace("_", escape + "_").replace("%", escape + "%");
  }
}
