package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import java.sql.SQLException;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Finds JDBI column mappers for generated row mappers, with errors that name the column: none found,
 * or one that fails on a value (JDBI's array mapper on SQLite, whose driver has no arrays).
 */
public final class Columns {
  private Columns() {}

  public static <T> ColumnMapper<T> mapper(
      StatementContext ctx, Class<T> type, String table, String column) {
    ColumnMapper<T> mapper = ctx.findColumnMapperFor(type).orElseThrow(() -> missing(type.getName(), table, column));
    return naming(mapper, type.getName(), table, column);
  }

  public static <T> ColumnMapper<T> mapper(
      StatementContext ctx, GenericType<T> type, String table, String column) {
    ColumnMapper<T> mapper = ctx.findColumnMapperFor(type).orElseThrow(() -> missing(type.toString(), table, column));
    return naming(mapper, type.toString(), table, column);
  }

  private static CascadeException missing(String type, String table, String column) {
    return new CascadeException(
        "JDBI has no column mapper for "
            + type
            + ", the type of "
            + table
            + "."
            + column
            + "; register one with jdbi.registerColumnMapper(...)");
  }

  /** The mapper, whose driver errors say which column it read, as what. */
  private static <T> ColumnMapper<T> naming(ColumnMapper<T> mapper, String type, String table, String column) {
    return (rs, index, ctx) -> {
      try {
        return mapper.map(rs, index, ctx);
      } catch (SQLException e) {
        throw new SQLException(
            "reading " + table + "." + column + " as " + type + " failed: " + e.getMessage()
                + "; where JDBI's own mapper for that type does not work with this driver, register one with"
                + " jdbi.registerColumnMapper(...)",
            e.getSQLState(),
            e.getErrorCode(),
            e);
      }
    };
  }
}
