package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Finds JDBI column mappers for generated row mappers, with an error that names the column. */
public final class Columns {
  private Columns() {}

  public static <T> ColumnMapper<T> mapper(
      StatementContext ctx, Class<T> type, String table, String column) {
    return ctx.findColumnMapperFor(type).orElseThrow(() -> missing(type.getName(), table, column));
  }

  public static <T> ColumnMapper<T> mapper(
      StatementContext ctx, GenericType<T> type, String table, String column) {
    return ctx.findColumnMapperFor(type).orElseThrow(() -> missing(type.toString(), table, column));
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
}
