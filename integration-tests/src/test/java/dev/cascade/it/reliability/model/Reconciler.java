package dev.cascade.it.reliability.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.it.forum.Forum;
import dev.cascade.it.reliability.ForumFlavour;
import dev.cascade.testing.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the database with what the model expects, after learning the values an operation made
 * up ({@link Fresh}): each must be the one value of its column that the model did not know, and
 * must then sit exactly where the model put its placeholder.
 */
final class Reconciler {
  private Reconciler() {}

  /**
   * @param actual a snapshot of the flavour's tables: the forum's tables by their names in the
   *     flavour, which {@link #rows} reads back by the forum's names
   */
  static void check(ForumFlavour flavour, ForumState expected, Snapshot actual, String step) {
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    Forum.TABLES_WITH_TRASH.forEach(table -> rows.put(table, rows(flavour, actual, table)));
    Set<Object> known = new HashSet<>(expected.allValues());
    List<Object> placeholders = expected.allValues().stream().filter(Fresh.class::isInstance).distinct().toList();
    for (Object placeholder : placeholders) {
      Object value = learn((Fresh) placeholder, expected, rows, known);
      if (value != null) {
        expected.replace(placeholder, value);
      }
    }
    for (String table : Forum.TABLES_WITH_TRASH) {
      assertThat(rows.get(table))
          .as("%s after %s", table, step)
          .containsExactlyInAnyOrderElementsOf(expected.expected(table).stream().map(ForumState::columns).toList());
    }
    assertThat(journal(flavour, actual))
        .as("%s after %s", ForumShape.JOURNAL, step)
        .containsExactlyInAnyOrderElementsOf(expected.journal().stream().map(Reconciler::journalRow).toList());
  }

  /** The journal's rows, by what the model knows of them. */
  private static List<Map<String, Object>> journal(ForumFlavour flavour, Snapshot actual) {
    return actual.rows(ForumShape.JOURNAL).stream()
        .map(r -> journalRow((String) r.get("deletion_id"), flavour.forumTable((String) r.get("root_table")),
            (String) r.get("strategy"), (String) r.get("state"), (Long) r.get("total_rows")))
        .toList();
  }

  private static Map<String, Object> journalRow(JournalEntry entry) {
    return journalRow(entry.deletionId(), entry.table(), entry.strategy().name(), entry.state().name(), entry.totalRows());
  }

  private static Map<String, Object> journalRow(String deletionId, String table, String strategy, String state, long totalRows) {
    return new TreeMap<>(Map.of("deletion_id", deletionId, "root_table", table, "strategy", strategy, "state", state, "total_rows", totalRows));
  }

  /** The rows of the forum's {@code table} in the flavour's, naming in {@code original_table} the forum's table. */
  private static List<Map<String, Object>> rows(ForumFlavour flavour, Snapshot actual, String table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : actual.rows(flavour.table(table))) {
      Map<String, Object> copy = new TreeMap<>(row);
      ForumShape.KEY_COLUMNS.forEach(column -> copy.computeIfPresent(column, (c, value) -> flavour.key(value)));
      if (copy.get("original_table") instanceof String original) {
        copy.put("original_table", flavour.forumTable(original));
      }
      rows.add(copy);
    }
    return rows;
  }

  private static Object learn(
      Fresh placeholder, ForumState expected, Map<String, List<Map<String, Object>>> actual, Set<Object> known) {
    if (placeholder instanceof Fresh.Key key) {
      return newKey(key, expected, actual);
    }
    String column =
        placeholder instanceof Fresh.Mark ? "deleted_at" : placeholder instanceof Fresh.TrashedAt ? "trashed_at" : "deletion_id";
    return onlyNew(actual, known, column);
  }

  /** The one value of the column the database holds and the model does not; null when not one. */
  private static Object onlyNew(Map<String, List<Map<String, Object>>> actual, Set<Object> known, String column) {
    Set<Object> fresh = new LinkedHashSet<>();
    for (String table : Forum.TABLES_WITH_TRASH) {
      actual.get(table).stream().map(r -> r.get(column)).filter(v -> v != null && !known.contains(v)).forEach(fresh::add);
    }
    return fresh.size() == 1 ? fresh.iterator().next() : null;
  }

  private static Object newKey(Fresh.Key key, ForumState expected, Map<String, List<Map<String, Object>>> actual) {
    Set<Object> ids = new HashSet<>();
    expected.rows(key.table()).forEach(r -> ids.add(r.get("id")));
    List<Object> found = new ArrayList<>();
    for (Map<String, Object> row : actual.get(key.table())) {
      if (Objects.equals(row.get(ForumShape.TEXT.get(key.table())), key.text()) && !ids.contains(row.get("id"))) {
        found.add(row.get("id"));
      }
    }
    return found.size() == 1 ? found.get(0) : null;
  }
}
