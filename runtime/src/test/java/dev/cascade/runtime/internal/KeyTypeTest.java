package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.runtime.Dialect;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What each database is told about a bound key of each type. */
class KeyTypeTest {

  @Test
  void primitiveAndBoxedTypesAreOneKeyType() {
    assertThat(KeyType.of(long.class)).isEqualTo(KeyType.LONG).isEqualTo(KeyType.of(Long.class));
    assertThat(KeyType.of(int.class)).isEqualTo(KeyType.INTEGER).isEqualTo(KeyType.of(Integer.class));
    assertThat(KeyType.of(short.class)).isEqualTo(KeyType.SHORT).isEqualTo(KeyType.of(Short.class));
    assertThat(KeyType.of(UUID.class)).isEqualTo(KeyType.UUID);
    assertThat(KeyType.of(String.class)).isEqualTo(KeyType.STRING);
    assertThat(KeyType.of(BigDecimal.class)).isEqualTo(KeyType.OTHER);
    assertThat(KeyType.of(List.of())).isEqualTo(KeyType.OTHER);
  }

  @Test
  void aNullUuidIsUntypedOnPostgresAndTextElsewhere() {
    assertThat(KeyType.UUID.nullSqlType(Dialect.POSTGRESQL)).isEqualTo(Types.OTHER);
    assertThat(KeyType.UUID.nullSqlType(Dialect.H2)).isEqualTo(Types.VARCHAR);
    assertThat(KeyType.UUID.nullSqlType(Dialect.SQLITE)).isEqualTo(Types.VARCHAR);
    assertThat(KeyType.UUID.nullSqlType(Dialect.MYSQL)).isEqualTo(Types.VARCHAR);
  }

  @Test
  void otherNullsKeepTheirOwnSqlTypeEverywhere() {
    for (Dialect dialect : Dialect.values()) {
      assertThat(KeyType.LONG.nullSqlType(dialect)).isEqualTo(Types.BIGINT);
      assertThat(KeyType.INTEGER.nullSqlType(dialect)).isEqualTo(Types.INTEGER);
      assertThat(KeyType.SHORT.nullSqlType(dialect)).isEqualTo(Types.SMALLINT);
      assertThat(KeyType.STRING.nullSqlType(dialect)).isEqualTo(Types.VARCHAR);
    }
  }

  @Test
  void theJsonTableColumnFitsEveryNumberAndUuidKey() {
    assertThat(KeyType.LONG.jsonTableType()).isEqualTo("BIGINT");
    assertThat(KeyType.INTEGER.jsonTableType()).isEqualTo("BIGINT");
    assertThat(KeyType.UUID.jsonTableType()).isEqualTo("CHAR(36)");
  }
}
