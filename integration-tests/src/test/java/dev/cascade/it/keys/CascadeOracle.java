package dev.cascade.it.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.OnDelete;
import dev.cascade.testing.Snapshot;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What deleting some rows of a {@link KeyedShape} must do, worked out in plain Java over a
 * snapshot taken before, with none of the generated SQL. Keys of every type are compared by
 * their text ({@link #text}), since drivers return a UUID as a {@code UUID} or as a string.
 */
final class CascadeOracle {
  private static final List<String> TRASH_COLUMNS = List.of("trashed_at", "original_table", "deletion_id");

  private final KeyedShape shape;
  private final Snapshot before;
  private final Map<String, Set<String>> reached = new LinkedHashMap<>();
  private final Map<KeyedShape.Relation, Set<String>> unlinked = new LinkedHashMap<>();

  private CascadeOracle(KeyedShape shape, Snapshot before, String table, Collection<?> roots, boolean liveOnly) {
    this.shape = shape;
    this.before = before;
    Set<String> requested = roots.stream().map(CascadeOracle::text).collect(Collectors.toSet());
    shape.tables().forEach(t -> reached.put(t, new HashSet<>()));
    before.rows(table).stream()
        .filter(r -> requested.contains(key(table, r)) && (!liveOnly || r.get("deleted_at") == null))
        .forEach(r -> reached.get(table).add(key(table, r)));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (KeyedShape.Relation relation : shape.relations()) {
        if (relation.onDelete() != OnDelete.CASCADE) {
          continue;
        }
        for (Map<String, Object> row : before.rows(relation.child())) {
          boolean joins =
              reached.get(relation.parent()).contains(text(row.get(relation.column())))
                  && (!liveOnly || row.get("deleted_at") == null);
          grew |= joins && reached.get(relation.child()).add(key(relation.child(), row));
        }
      }
    }
    for (KeyedShape.Relation relation : shape.relations()) {
      if (relation.onDelete() == OnDelete.SET_NULL) {
        unlinked.put(relation, reached.get(relation.parent()));
      }
    }
  }

  /** A PERMANENT or TRASH delete of these rows of {@code table}: every row below them goes. */
  static CascadeOracle deleting(KeyedShape shape, Snapshot before, String table, Collection<?> roots) {
    return new CascadeOracle(shape, before, table, roots, false);
  }

  /** A SOFT delete: only rows not soft-deleted yet are reached, and nothing below one that is. */
  static CascadeOracle softDeleting(KeyedShape shape, Snapshot before, String table, Collection<?> roots) {
    return new CascadeOracle(shape, before, table, roots, true);
  }

  /** A key as text: {@code 5}, {@code FR}, {@code 0b4c...}; null stays null. */
  static String text(Object key) {
    return key == null ? null : key.toString();
  }

  /** The snapshot without the rows the delete reaches, and with SET_NULL children unlinked. */
  Snapshot removed(Snapshot snapshot) {
    Snapshot after = unlinked(snapshot);
    for (Map.Entry<String, Set<String>> entry : reached.entrySet()) {
      String table = entry.getKey();
      after = after.without(table, r -> entry.getValue().contains(key(table, r)));
    }
    return after;
  }

  /** The snapshot with SET_NULL children of the deleted rows unlinked, as TRASH and PERMANENT leave them. */
  Snapshot unlinked(Snapshot snapshot) {
    Snapshot after = snapshot;
    for (Map.Entry<KeyedShape.Relation, Set<String>> entry : unlinked.entrySet()) {
      KeyedShape.Relation relation = entry.getKey();
      after = after.with(relation.child(), r -> entry.getValue().contains(text(r.get(relation.column()))), relation.column(), null);
    }
    return after;
  }

  /** The snapshot with every reached row marked with the soft delete's one timestamp. */
  Snapshot marked(Snapshot snapshot, Object marker) {
    Snapshot after = snapshot;
    for (Map.Entry<String, Set<String>> entry : reached.entrySet()) {
      String table = entry.getKey();
      after = after.with(table, r -> entry.getValue().contains(key(table, r)), "deleted_at", marker);
    }
    return after;
  }

  /** Rows per table the delete reaches, tables with none left out, as {@code rowsByTable()} reports. */
  Map<String, Long> rowsByTable() {
    Map<String, Long> rows = new HashMap<>();
    reached.forEach((table, keys) -> {
      if (!keys.isEmpty()) {
        rows.put(table, (long) keys.size());
      }
    });
    return rows;
  }

  /** Rows per table the delete unlinks, tables with none left out. */
  Map<String, Long> nullifiedByTable() {
    Map<String, Long> rows = new HashMap<>();
    unlinked.forEach((relation, parents) -> {
      long count = before.rows(relation.child()).stream().filter(r -> parents.contains(text(r.get(relation.column())))).count();
      if (count > 0) {
        rows.merge(relation.child(), count, Long::sum);
      }
    });
    return rows;
  }

  /**
   * The trash tables hold exactly the reached rows, as they were before, each marked with the
   * operation's deletion id and its own table's name.
   */
  void assertTrashHolds(Snapshot trash, String deletionId) {
    for (String table : shape.trashed()) {
      List<Map<String, Object>> rows = trash.rows(table + "_trash");
      assertThat(rows).as("%s_trash", table).allSatisfy(row -> {
        assertThat(row.get("deletion_id")).isEqualTo(deletionId);
        assertThat(row.get("original_table")).isEqualTo(table);
        assertThat(row.get("trashed_at")).isNotNull();
      });
      List<Map<String, Object>> copied = rows.stream().map(r -> comparable(r)).toList();
      List<Map<String, Object>> expected =
          before.rows(table).stream().filter(r -> reached.get(table).contains(key(table, r))).map(r -> comparable(r)).toList();
      assertThat(copied).as("%s_trash", table).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** Every key of the reached rows of {@code table}, as text. */
  Set<String> reached(String table) {
    return Set.copyOf(reached.get(table));
  }

  private String key(String table, Map<String, Object> row) {
    return text(row.get(shape.key(table)));
  }

  /** A row without the trash's own columns, keys and foreign keys as text (trash tables may store them as VARCHAR). */
  private static Map<String, Object> comparable(Map<String, Object> row) {
    Map<String, Object> copy = new TreeMap<>();
    row.forEach((column, value) -> {
      if (!TRASH_COLUMNS.contains(column)) {
        copy.put(column, value instanceof java.util.UUID ? value.toString() : value);
      }
    });
    return copy;
  }
}
