package dev.cascade.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** H2's catalog rows, as H2 2.5 reports them, written back as the types they were declared with. */
class H2TypesTest {
  private final H2Types types = new H2Types(null, "SAMPLES");

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  @Test
  void timestampsKeepTheirPrecisionAndTimeZone() {
    assertThat(types.of(row("data_type", "TIMESTAMP WITH TIME ZONE", "datetime_precision", 3)))
        .isEqualTo("TIMESTAMP(3) WITH TIME ZONE");
    assertThat(types.of(row("data_type", "TIMESTAMP", "datetime_precision", 9))).isEqualTo("TIMESTAMP(9)");
    assertThat(types.of(row("data_type", "TIME WITH TIME ZONE", "datetime_precision", 0)))
        .isEqualTo("TIME(0) WITH TIME ZONE");
  }

  /** As H2 reports them in another database's mode with {@code DATABASE_TO_LOWER=TRUE}. */
  @Test
  void typesReportedInLowerCaseAreWrittenAsInUpperCase() {
    assertThat(types.of(row("data_type", "timestamp with time zone", "datetime_precision", 3)))
        .isEqualTo("TIMESTAMP(3) WITH TIME ZONE");
    assertThat(types.of(row("data_type", "character varying", "character_maximum_length", 40L)))
        .isEqualTo("CHARACTER VARYING(40)");
    assertThat(types.of(row("data_type", "interval", "interval_type", "day to second", "interval_precision", 2,
            "datetime_precision", 6)))
        .isEqualTo("INTERVAL DAY(2) TO SECOND(6)");
  }

  @Test
  void numbersAreWrittenAsDeclared() {
    assertThat(
            types.of(
                row(
                    "data_type", "NUMERIC", "declared_data_type", "NUMERIC", "declared_numeric_precision", 12,
                    "declared_numeric_scale", 4)))
        .isEqualTo("NUMERIC(12, 4)");
    assertThat(types.of(row("data_type", "NUMERIC", "declared_data_type", "NUMERIC"))).isEqualTo("NUMERIC");
    assertThat(types.of(row("data_type", "NUMERIC", "declared_data_type", "DECIMAL", "declared_numeric_precision", 10)))
        .isEqualTo("DECIMAL(10)");
    assertThat(types.of(row("data_type", "REAL", "declared_data_type", "FLOAT", "declared_numeric_precision", 10)))
        .isEqualTo("FLOAT(10)");
    assertThat(types.of(row("data_type", "BIGINT", "declared_data_type", "BIGINT"))).isEqualTo("BIGINT");
  }

  @Test
  void textAndBinaryKeepTheirLength() {
    assertThat(types.of(row("data_type", "CHARACTER VARYING", "character_maximum_length", 40L)))
        .isEqualTo("CHARACTER VARYING(40)");
    assertThat(types.of(row("data_type", "CHARACTER LARGE OBJECT", "character_maximum_length", Long.MAX_VALUE)))
        .isEqualTo("CHARACTER LARGE OBJECT(9223372036854775807)");
    assertThat(types.of(row("data_type", "BINARY VARYING", "character_maximum_length", 1000L)))
        .isEqualTo("BINARY VARYING(1000)");
    assertThat(types.of(row("data_type", "JSON", "character_maximum_length", 1000000000L)))
        .isEqualTo("JSON(1000000000)");
    assertThat(types.of(row("data_type", "UUID"))).isEqualTo("UUID");
    assertThat(types.of(row("data_type", "BOOLEAN"))).isEqualTo("BOOLEAN");
  }

  @Test
  void intervalsKeepTheirFieldsAndPrecisions() {
    assertThat(types.of(row("data_type", "INTERVAL", "interval_type", "DAY TO SECOND", "interval_precision", 2, "datetime_precision", 6)))
        .isEqualTo("INTERVAL DAY(2) TO SECOND(6)");
    assertThat(types.of(row("data_type", "INTERVAL", "interval_type", "YEAR", "interval_precision", 3, "datetime_precision", 0)))
        .isEqualTo("INTERVAL YEAR(3)");
    assertThat(types.of(row("data_type", "INTERVAL", "interval_type", "SECOND", "interval_precision", 2, "datetime_precision", 3)))
        .isEqualTo("INTERVAL SECOND(2, 3)");
    assertThat(types.of(row("data_type", "INTERVAL", "interval_type", "HOUR TO MINUTE", "interval_precision", 2, "datetime_precision", 0)))
        .isEqualTo("INTERVAL HOUR(2) TO MINUTE");
  }

  @Test
  void aDomainIsNamedARowIsRefused() {
    assertThat(types.of(row("data_type", "INTEGER", "domain_schema", "PUBLIC", "domain_name", "AMOUNT")))
        .isEqualTo("\"PUBLIC\".\"AMOUNT\"");
    assertThatThrownBy(() -> types.of(row("data_type", "ROW", "column_name", "POINT")))
        .isInstanceOf(CascadeException.class)
        .hasMessage(
            "cannot copy the type of column SAMPLES.POINT (ROW) from H2's metadata; write this trash table's DDL by hand");
  }
}
