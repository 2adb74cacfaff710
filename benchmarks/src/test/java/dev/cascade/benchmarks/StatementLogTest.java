package dev.cascade.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementLogTest {
  @Test
  void shortensRunsOfBoundIdsToTheirFirst() {
    assertThat(StatementLog.shorten("DELETE FROM t WHERE id IN (:ids0, :ids1, :ids2) AND x = :at"))
        .isEqualTo("DELETE FROM t WHERE id IN (:ids0, ...) AND x = :at");
    assertThat(StatementLog.shorten("SELECT :ids0, :markers0, :markers1 FROM t WHERE a::text = 'b'"))
        .isEqualTo("SELECT :ids0, :markers0, ... FROM t WHERE a::text = 'b'");
  }

  @Test
  void shortensHundredsOfThousandsOfIdsWithoutRecursion() {
    StringBuilder sql = new StringBuilder("DELETE FROM t WHERE id IN (:ids0");
    for (int i = 1; i < 200_000; i++) {
      sql.append(", :ids").append(i);
    }
    sql.append(")");

    assertThat(StatementLog.shorten(sql.toString())).isEqualTo("DELETE FROM t WHERE id IN (:ids0, ...)");
  }
}
