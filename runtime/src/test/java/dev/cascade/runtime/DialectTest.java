package dev.cascade.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The database by its product name, and H2 versions that answer recursive subqueries wrongly. */
class DialectTest {

  @ParameterizedTest
  @ValueSource(strings = {"2.3.230 (2024-07-15)", "2.3.232 (2024-08-11)", "2.5.252 (2025-09-14)", "3.0.0"})
  void h2From2_3_230IsH2(String version) {
    assertThat(Dialect.of("H2", version)).isEqualTo(Dialect.H2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.2.224 (2023-09-17)", "2.1.214 (2022-06-13)", "2.3.228", "1.4.200 (2019-10-14)"})
  void earlierH2IsRefusedWithTheVersionToUse(String version) {
    assertThatThrownBy(() -> Dialect.of("H2", version))
        .isInstanceOf(CascadeException.class)
        .hasMessageStartingWith("H2 " + version + " answers some of Cascade's queries wrongly")
        .hasMessageContaining("use H2 2.3.230 or later");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PostgreSQL", "SQLite", "MySQL", "MariaDB"})
  void otherDatabasesDoNotLookAtTheVersion(String product) {
    assertThat(Dialect.of(product, "2.2.224")).isNotEqualTo(Dialect.H2);
  }
}
