package dev.cascade.it.reliability.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.it.forum.Forum;
import dev.cascade.testing.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
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

  static void check(ForumState expected, Snapshot actual, String step) {
    Set<Object> known = new HashSet<>(expected.allValues());
    List<Object> placeholders = expected.allValues().stream().filter(Fresh.class::isInstance).distinct().toList();
    for (Object placeholder : placeholders) {
      Object value = learn((Fresh) placeholder, expected, actual, known);
      if (value != null) {
        expected.replace(placeholder, value);
      }
    }
    for (String table : Forum.TABLES_WITH_TRASH) {
      assertThat(actual.rows(table))
          .as("%s after %s", table, step)
          .containsExactlyInAnyOrderElementsOf(expected.expected(table).stream().map(TreeMap::new).toList());
    }
  }

  private static Object learn(Fresh placeholder, ForumState expected, Snapshot actual, Set<Object> known) {
    if (placeholder instanceof Fresh.Key key) {
      return newKey(key, expected, actual);
    }
    String column =
        placeholder instanceof Fresh.Mark ? "deleted_at" : placeholder instanceof Fresh.TrashedAt ? "trashed_at" : "deletion_id";
    return onlyNew(actual, known, column);
  }

  /** The one value of the column the database holds and the model does not; null when not one. */
  private static Object onlyNew(Snapshot actual, Set<Object> known, String column) {
    Set<Object> fresh = new LinkedHashSet<>();
    for (String table : Forum.TABLES_WITH_TRASH) {
      actual.rows(table).stream().map(r -> r.get(column)).filter(v -> v != null && !known.contains(v)).forEach(fresh::add);
    }
    return fresh.size() == 1 ? fresh.iterator().next() : null;
  }

  private static Object newKey(Fresh.Key key, ForumState expected, Snapshot actual) {
    Set<Object> ids = new HashSet<>();
    expected.rows(key.table()).forEach(r -> ids.add(r.get("id")));
    List<Object> found = new ArrayList<>();
    for (Map<String, Object> row : actual.rows(key.table())) {
      if (Objects.equals(row.get(ForumShape.TEXT.get(key.table())), key.text()) && !ids.contains(row.get("id"))) {
        found.add(row.get("id"));
      }
    }
    return found.size() == 1 ? found.get(0) : null;
  }
}
