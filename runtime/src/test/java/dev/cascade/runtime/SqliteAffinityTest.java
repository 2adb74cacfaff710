package dev.cascade.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The examples of SQLite's documentation, section "Affinity Name Examples", and a few more. */
class SqliteAffinityTest {
  @Test
  void declaredTypesGetTheAffinitySqliteGivesThem() {
    assertThat(SqliteAffinity.of("INT")).isEqualTo(SqliteAffinity.INTEGER);
    assertThat(SqliteAffinity.of("UNSIGNED BIG INT")).isEqualTo(SqliteAffinity.INTEGER);
    assertThat(SqliteAffinity.of("VARCHAR(255)")).isEqualTo(SqliteAffinity.TEXT);
    assertThat(SqliteAffinity.of("NATIVE CHARACTER(70)")).isEqualTo(SqliteAffinity.TEXT);
    assertThat(SqliteAffinity.of("clob")).isEqualTo(SqliteAffinity.TEXT);
    assertThat(SqliteAffinity.of("BLOB")).isEqualTo(SqliteAffinity.BLOB);
    assertThat(SqliteAffinity.of("")).isEqualTo(SqliteAffinity.BLOB);
    assertThat(SqliteAffinity.of("DOUBLE PRECISION")).isEqualTo(SqliteAffinity.REAL);
    assertThat(SqliteAffinity.of("FLOAT")).isEqualTo(SqliteAffinity.REAL);
    assertThat(SqliteAffinity.of("DECIMAL(10,5)")).isEqualTo(SqliteAffinity.NUMERIC);
    assertThat(SqliteAffinity.of("BOOLEAN")).isEqualTo(SqliteAffinity.NUMERIC);
    assertThat(SqliteAffinity.of("DATETIME")).isEqualTo(SqliteAffinity.NUMERIC);
    assertThat(SqliteAffinity.of("UUID")).isEqualTo(SqliteAffinity.NUMERIC);
    assertThat(SqliteAffinity.of("JSON")).isEqualTo(SqliteAffinity.NUMERIC);
  }

  @Test
  void theFirstRuleThatMatchesWins() {
    assertThat(SqliteAffinity.of("CHARINT")).isEqualTo(SqliteAffinity.INTEGER);
    assertThat(SqliteAffinity.of("FLOATING POINT")).isEqualTo(SqliteAffinity.INTEGER);
    assertThat(SqliteAffinity.of("STRING")).isEqualTo(SqliteAffinity.NUMERIC);
  }
}
