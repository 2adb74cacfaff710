package dev.cascade.runtime;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The SQL type a trash table column gets for a Java type, per dialect. */
final class SqlTypes {
  private SqlTypes() {}

  /**
   * @param indexed whether the column gets an index, which MySQL cannot give a {@code TEXT}
   */
  static String of(Class<?> type, Dialect dialect, boolean indexed) {
    if (type == long.class || type == Long.class) {
      return "BIGINT";
    }
    if (type == int.class || type == Integer.class) {
      return "INTEGER";
    }
    if (type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
      return "SMALLINT";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "BOOLEAN";
    }
    if (type == double.class || type == Double.class) {
      return dialect == Dialect.MYSQL ? "DOUBLE" : "DOUBLE PRECISION";
    }
    if (type == float.class || type == Float.class) {
      return "REAL";
    }
    if (type == BigDecimal.class) {
      return "NUMERIC(38, 10)";
    }
    if (type == Instant.class || type == LocalDateTime.class || type == Timestamp.class) {
      return dialect == Dialect.MYSQL ? "DATETIME(6)" : dialect == Dialect.SQLITE ? "TIMESTAMP" : "TIMESTAMP(6)";
    }
    if (type == OffsetDateTime.class) {
      return dialect == Dialect.MYSQL
          ? "DATETIME(6)"
          : dialect == Dialect.SQLITE ? "TIMESTAMP" : "TIMESTAMP(6) WITH TIME ZONE";
    }
    if (type == LocalDate.class) {
      return "DATE";
    }
    if (type == LocalTime.class) {
      return "TIME";
    }
    if (type == UUID.class) {
      return dialect == Dialect.POSTGRESQL || dialect == Dialect.H2 ? "UUID" : "VARCHAR(36)";
    }
    if (type == byte[].class) {
      return switch (dialect) {
        case POSTGRESQL -> "BYTEA";
        case H2 -> "VARBINARY";
        case SQLITE, MYSQL -> "BLOB";
      };
    }
    return switch (dialect) {
      case MYSQL -> indexed ? "VARCHAR(255)" : "TEXT";
      case H2 -> "CHARACTER VARYING";
      case POSTGRESQL, SQLITE -> "TEXT";
    };
  }

}
