package dev.cascade.runtime;

import java.time.Instant;

/**
 * Types guessed from the records' Java types, without a database: an {@code Instant} is a {@code
 * TIMESTAMP(6)}, a {@code BigDecimal} a {@code NUMERIC(38, 10)}, a {@code String} a {@code TEXT}.
 * They hold the records' values, but need not be the source columns' types.
 */
record ModelColumnTypes(Dialect dialect) implements ColumnTypes {
  @Override
  public String of(CascadeSchema.Table table, CascadeSchema.Column column) {
    return SqlTypes.of(column.javaType(), dialect, column.role() != CascadeSchema.Role.PLAIN);
  }

  @Override
  public String trashTime(CascadeSchema.Table table) {
    return SqlTypes.of(Instant.class, dialect, true);
  }
}
