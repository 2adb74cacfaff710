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

  /** A tree's recursion whose tops are another tree's rows, each with its SQLite form. */
  private static final String NESTED_TREES =
      "WITH RECURSIVE <sqlite>tops AS (SELECT id FROM c WHERE p IN (WITH RECURSIVE <sqlite>ptops AS (a), </sqlite>pt AS"
          + " (b<sqlite> NOT IN ptops</sqlite><not-sqlite> NOT a</not-sqlite>) SELECT id FROM pt)), </sqlite>ct AS"
          + " (d<sqlite> AND id NOT IN tops</sqlite><not-sqlite> AND NOT p IN (WITH RECURSIVE <sqlite>ptops AS (a),"
          + " </sqlite>pt AS (b<sqlite> NOT IN ptops</sqlite><not-sqlite> NOT a</not-sqlite>) SELECT id FROM"
          + " pt)</not-sqlite>)";

  @Test
  void sqliteKeepsItsOwnPartsAndLeavesOutThoseOfTheOtherDatabasesNestedOrNot() {
    assertThat(placeholders(Dialect.SQLITE, false).expand(NESTED_TREES))
        .isEqualTo("WITH RECURSIVE tops AS (SELECT id FROM c WHERE p IN (WITH RECURSIVE ptops AS (a), pt AS (b NOT IN ptops)"
            + " SELECT id FROM pt)), ct AS (d AND id NOT IN tops)");
  }

  @Test
  void theOtherDatabasesLeaveOutTheSqliteParts() {
    for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.H2, Dialect.MYSQL)) {
      assertThat(placeholders(dialect, false).expand(NESTED_TREES))
          .isEqualTo("WITH RECURSIVE ct AS (d AND NOT p IN (WITH RECURSIVE pt AS (b NOT a) SELECT id FROM pt))");
    }
  }

  /** A soft restore's tree below the root: H2 looks the tops' parents up with EXISTS, inside SQLite's parts or not. */
  private static final String TOPS_ON_H2 =
      "WITH RECURSIVE <sqlite>tops AS (a), </sqlite>t AS (SELECT id FROM c WHERE <h2>EXISTS (k)</h2><not-h2>p IN (k)"
          + "</not-h2> UNION ALL SELECT c.id FROM c JOIN t WHERE <sqlite>c.id NOT IN tops</sqlite><not-sqlite>NOT"
          + " <h2>EXISTS (k)</h2><not-h2>p IN (k)</not-h2></not-sqlite>)";

  @Test
  void h2KeepsItsOwnPartsAndTheOtherDatabasesTheirs() {
    assertThat(placeholders(Dialect.H2, false).expand(TOPS_ON_H2))
        .isEqualTo("WITH RECURSIVE t AS (SELECT id FROM c WHERE EXISTS (k) UNION ALL SELECT c.id FROM c JOIN t WHERE NOT"
            + " EXISTS (k))");
    for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.MYSQL)) {
      assertThat(placeholders(dialect, false).expand(TOPS_ON_H2))
          .isEqualTo("WITH RECURSIVE t AS (SELECT id FROM c WHERE p IN (k) UNION ALL SELECT c.id FROM c JOIN t WHERE NOT"
              + " p IN (k))");
    }
    assertThat(placeholders(Dialect.SQLITE, false).expand(TOPS_ON_H2))
        .isEqualTo("WITH RECURSIVE tops AS (a), t AS (SELECT id FROM c WHERE p IN (k) UNION ALL SELECT c.id FROM c JOIN t"
            + " WHERE c.id NOT IN tops)");
  }

  private static Placeholders restoring(boolean wholeOperations) {
    return placeholders(Dialect.POSTGRESQL, wholeOperations);
  }

  private static Placeholders placeholders(Dialect dialect, boolean wholeOperations) {
    return Placeholders.of(
        dialect, Keys.of("t", List.of(1L)), List.of("d1"), Map.of(), Map.of(), Long.class, wholeOperations);
  }
}
