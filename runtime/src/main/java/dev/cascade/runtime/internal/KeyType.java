package dev.cascade.runtime.internal;

import dev.cascade.runtime.Dialect;
import java.sql.Types;
import java.util.List;

/**
 * The key types a model may have ({@code long}, {@code int}, {@code short}, {@code UUID}, {@code
 * String}), and what a database must be told to compare a bound value with a key column of that
 * type: the JDBC type of a null, the element type of an array, the column type of a JSON table. A
 * value bound without its type is a trap: PostgreSQL reads a null sent as {@code varchar} as
 * text and refuses to compare it with a {@code uuid} column.
 *
 * <p>The processor's {@code KeyCheck} lists the same types; its {@code KeyTypesTest} checks that
 * the two lists agree.
 */
enum KeyType {
  LONG(Long.class, Types.BIGINT),
  INTEGER(Integer.class, Types.INTEGER),
  SHORT(Short.class, Types.SMALLINT),
  UUID(java.util.UUID.class, Types.VARCHAR),
  STRING(String.class, Types.VARCHAR),
  /** Any other type: bound as JDBI binds it, with no more said. */
  OTHER(Object.class, Types.OTHER);

  private final Class<?> type;
  private final int sqlType;

  KeyType(Class<?> type, int sqlType) {
    this.type = type;
    this.sqlType = sqlType;
  }

  static KeyType of(Class<?> type) {
    if (type == long.class || type == Long.class) {
      return LONG;
    }
    if (type == int.class || type == Integer.class) {
      return INTEGER;
    }
    if (type == short.class || type == Short.class) {
      return SHORT;
    }
    if (type == java.util.UUID.class) {
      return UUID;
    }
    return type == String.class ? STRING : OTHER;
  }

  /** The type of these ids, which {@link Keys} made all of one class; {@link #OTHER} for none. */
  static KeyType of(List<Object> ids) {
    return ids.isEmpty() ? OTHER : of(ids.get(0).getClass());
  }

  /** The boxed Java class: the element type of an array of these keys. */
  Class<?> javaType() {
    return type;
  }

  /** A key written as text (in the journal) read back as this type. */
  Object parse(String text) {
    return switch (this) {
      case LONG -> Long.valueOf(text);
      case INTEGER -> Integer.valueOf(text);
      case SHORT -> Short.valueOf(text);
      case UUID -> java.util.UUID.fromString(text);
      case STRING -> text;
      case OTHER -> throw new IllegalArgumentException("no key type to read " + text + " as");
    };
  }

  boolean isNumber() {
    return this == LONG || this == INTEGER || this == SHORT;
  }

  /**
   * The JDBC type to send a null of this key as. JDBI sends a null {@code UUID} as {@code
   * VARCHAR}, which PostgreSQL then reads as text; {@code OTHER} leaves the type to the column it
   * is compared with. The other databases take a null of any type.
   */
  int nullSqlType(Dialect dialect) {
    return this == UUID && dialect == Dialect.POSTGRESQL ? Types.OTHER : sqlType;
  }

  /**
   * The column type {@code JSON_TABLE} reads number and UUID keys as on MySQL and MariaDB (string
   * keys go in as hex: {@link IdBinding}).
   */
  String jsonTableType() {
    return isNumber() ? "BIGINT" : "CHAR(36)";
  }
}
