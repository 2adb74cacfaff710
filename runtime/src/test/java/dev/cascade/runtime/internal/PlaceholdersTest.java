package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.runtime.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parts of a trash restore's conditions that depend on whether the call restores whole
 * operations: {@code <only-named>} parts kept only for the named roots, {@code <whole-only>} parts
 * only for whole operations.
 */
class PlaceholdersTest {
  private static final String SQL =
      "SELECT id FROM t WHERE deletion_id IN (<markers>)<only-named> AND (p, deletion_id) IN (SELECT id FROM"
          + " u WHERE x<only-named> AND y</only-named>)</only-named><whole-only> AND NOT EXISTS (q)</whole-only>"
          + " AND z<whole-only> AND w</whole-only>";

  @Test
  void namedRootsKeepTheOnlyNamedPartsAndLeaveOutTheWholeOnlyOnes() {
    assertThat(restoring(false).expand(SQL))
        .isEqualTo("SELECT id FROM t WHERE deletion_id IN (:markers0) AND (p, deletion_id) IN (SELECT id FROM u WHERE x AND y)"
            + " AND z");
  }

  @Test
  void wholeOperationsLeaveOutTheOnlyNamedPartsAndKeepTheWholeOnlyOnes() {
    assertThat(restoring(true).expand(SQL))
        .isEqualTo("SELECT id FROM t WHERE deletion_id IN (:markers0) AND NOT EXISTS (q) AND z AND w");
  }

  private static Placeholders restoring(boolean wholeOperations) {
    return Placeholders.of(
        Dialect.POSTGRESQL, Keys.of("t", List.of(1L)), List.of("d1"), Map.of(), Map.of(), Long.class, wholeOperations);
  }
}
