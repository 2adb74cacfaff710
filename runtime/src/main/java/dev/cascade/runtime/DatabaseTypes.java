package dev.cascade.runtime;

import dev.cascade.runtime.internal.PlainSqlParser;
import dev.cascade.runtime.internal.Tables;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Reads the SQL type of every column of a live table from the database's own catalog, written as
 * that database declares it, so that a column created with it holds exactly the same values:
 *
 * <ul>
 *   <li>PostgreSQL: {@code format_type(atttypid, atttypmod)} from {@code pg_attribute}, the form
 *       {@code pg_dump} writes: {@code timestamp(3) with time zone}, {@code numeric(12,4)}, {@code
 *       character varying(40)}, {@code uuid}, {@code jsonb}, {@code integer[]}, a domain or an enum
 *       by its name. An identity or {@code serial} column is its plain type ({@code bigint}): what
 *       generates its values is a default, not its type. JDBC's {@code getColumns} is not used: it
 *       calls such a column {@code bigserial} and a {@code timestamptz} has no precision there.
 *   <li>H2: {@code INFORMATION_SCHEMA.COLUMNS}, see {@link H2Types}.
 *   <li>SQLite: the declared type from {@code PRAGMA table_xinfo}, as written, which decides the
 *       column's affinity, and so how SQLite stores each value; {@code table_xinfo}, not {@code
 *       table_info}, which leaves out generated columns (a newcomer's trial: a record that named one
 *       was told to add it).
 *   <li>MariaDB and MySQL: {@code information_schema.COLUMNS.COLUMN_TYPE} ({@code datetime(6)},
 *       {@code decimal(12,4)}, {@code uuid}, {@code int(10) unsigned}, {@code enum('a','b')}) with
 *       the column's character set and collation, which decide what text it can hold. MariaDB's
 *       {@code JSON} is a {@code longtext} with a {@code json_valid} check, which drivers report as
 *       JSON; that check is kept, the only check that is.
 * </ul>
 */
final class DatabaseTypes {
  private static final String POSTGRESQL =
      "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
          + " WHERE a.attrelid = to_regclass(quote_ident(?)) AND a.attnum > 0 AND NOT a.attisdropped"
          + " ORDER BY a.attnum";
  private static final String SQLITE = "SELECT name, type FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid";
  private static final String MYSQL_COLUMNS =
      "SELECT COLUMN_NAME, COLUMN_TYPE, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
  /**
   * MariaDB names a column's own check after the column (MySQL has no {@code LEVEL}). A query of its
   * own, each table named by constants, so that MariaDB opens that table only.
   */
  private static final String MARIADB_COLUMN_CHECKS =
      "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
          + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ? AND LEVEL = 'Column'";

  private final Handle handle;
  private final Dialect dialect;
  private final Tables tables;
  private final Map<String, Map<String, String>> read = new HashMap<>();

  DatabaseTypes(Handle handle) {
    this.handle = handle;
    this.dialect = Dialect.of(handle);
    this.tables = Tables.of(handle);
  }

  Dialect dialect() {
    return dialect;
  }

  /**
   * Each column's type by its name in lower case, in column order; empty when the table does not
   * exist. Read once per table: the schema check asks for a table's types for its trash columns and
   * again for its soft-delete column.
   */
  Map<String, String> of(String table) {
    return read.computeIfAbsent(table, this::read);
  }

  private Map<String, String> read(String table) {
    Optional<String> stored = tables.storedName(table);
    if (stored.isEmpty()) {
      return Map.of();
    }
    Map<String, String> types = new LinkedHashMap<>();
    try {
      switch (dialect) {
        case POSTGRESQL, SQLITE ->
            PlainSqlParser.apply(handle.createQuery(dialect == Dialect.POSTGRESQL ? POSTGRESQL : SQLITE))
                .bind(0, stored.get())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(column -> types.put(lower(column.getKey()), column.getValue()));
        case H2 -> {
          H2Types h2 = new H2Types(handle, stored.get());
          PlainSqlParser.apply(handle.createQuery(H2Types.COLUMNS))
              .bind(0, stored.get())
              .mapToMap()
              .forEach(row -> types.put(lower((String) row.get("column_name")), h2.of(row)));
        }
        case MYSQL -> mysql(stored.get(), types);
      }
    } catch (JdbiException e) {
      throw new CascadeException("cannot read the column types of table " + table + ": " + e.getMessage(), e);
    }
    return types;
  }

  /**
   * The type as a column definition that takes a null: MariaDB and MySQL make a {@code TIMESTAMP}
   * written without {@code NULL} a {@code NOT NULL} column with a default, unless {@code
   * explicit_defaults_for_timestamp} is on.
   */
  String nullable(String type) {
    return dialect == Dialect.MYSQL && type.toLowerCase(Locale.ROOT).startsWith("timestamp") ? type + " NULL" : type;
  }

  private void mysql(String table, Map<String, String> types) {
    Map<String, String> checks = new HashMap<>();
    if (mariadb()) {
      PlainSqlParser.apply(handle.createQuery(MARIADB_COLUMN_CHECKS))
          .bind(0, table)
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
          .forEach(check -> checks.put(check.getKey(), check.getValue()));
    }
    PlainSqlParser.apply(handle.createQuery(MYSQL_COLUMNS))
        .bind(0, table)
        .map(
            (rs, ctx) -> {
              String name = rs.getString(1);
              StringBuilder type = new StringBuilder(rs.getString(2));
              if (rs.getString(3) != null) {
                type.append(" CHARACTER SET ").append(rs.getString(3)).append(" COLLATE ").append(rs.getString(4));
              }
              String check = checks.get(name);
              if (check != null && check.equals("json_valid(`" + name + "`)")) {
                type.append(" CHECK (").append(check).append(")");
              }
              return Map.entry(name, type.toString());
            })
        .forEach(column -> types.put(lower(column.getKey()), column.getValue()));
  }

  private boolean mariadb() {
    try {
      DatabaseMetaData metadata = handle.getConnection().getMetaData();
      return (metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion())
          .toLowerCase(Locale.ROOT)
          .contains("mariadb");
    } catch (SQLException e) {
      throw new CascadeException("cannot tell MariaDB from MySQL: " + e.getMessage(), e);
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
