package dev.cascade.it.reliability.model;

import dev.cascade.it.reliability.ForumFlavour;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the reference model believes every table holds: the rows of each forum table and of each
 * trash table, as column maps. Rows are few, so everything is found by scanning.
 */
final class ForumState {
  private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
  private final Map<String, List<Map<String, Object>>> trash = new LinkedHashMap<>();

  ForumState() {
    ForumShape.TABLES.forEach(t -> tables.put(t, new ArrayList<>()));
    ForumShape.DELETABLE.forEach(t -> trash.put(t, new ArrayList<>()));
  }

  ForumState copy() {
    ForumState copy = new ForumState();
    tables.forEach((t, rows) -> rows.forEach(r -> copy.tables.get(t).add(new HashMap<>(r))));
    trash.forEach((t, rows) -> rows.forEach(r -> copy.trash.get(t).add(new HashMap<>(r))));
    return copy;
  }

  List<Map<String, Object>> rows(String table) {
    return tables.get(table);
  }

  /** The trash rows that came from this table. */
  List<Map<String, Object>> trash(String table) {
    return trash.get(table);
  }

  Optional<Map<String, Object>> row(String table, Object id) {
    return rows(table).stream().filter(r -> Objects.equals(r.get("id"), id)).findFirst();
  }

  boolean isLive(String table, Object id) {
    return row(table, id).map(ForumState::live).orElse(false);
  }

  static boolean live(Map<String, Object> row) {
    return row.get("deleted_at") == null;
  }

  Set<Object> trashedIds(String table) {
    return trash(table).stream().map(r -> r.get("id")).collect(Collectors.toSet());
  }

  /** Every id a row of this table has had: present, trashed, or both; in key order. */
  List<Object> knownIds(String table) {
    List<Object> ids = new ArrayList<>();
    rows(table).forEach(r -> ids.add(r.get("id")));
    if (trash.containsKey(table)) {
      trash(table).forEach(r -> ids.add(r.get("id")));
    }
    return ids.stream().distinct().sorted(ForumFlavour.KEY_ORDER).toList();
  }

  /** Every value of every row, present or trashed: to tell values an operation made up. */
  List<Object> allValues() {
    List<Object> values = new ArrayList<>();
    tables.values().forEach(rows -> rows.forEach(r -> values.addAll(r.values())));
    trash.values().forEach(rows -> rows.forEach(r -> values.addAll(r.values())));
    return values;
  }

  /** Replaces a made-up value (a {@link Fresh} placeholder) everywhere. */
  void replace(Object placeholder, Object actual) {
    for (Map<String, List<Map<String, Object>>> group : List.of(tables, trash)) {
      group.values().forEach(rows -> rows.forEach(r -> r.replaceAll((k, v) -> placeholder.equals(v) ? actual : v)));
    }
  }

  /** The rows a snapshot of {@code table} (a forum table or a trash table) should show. */
  List<Map<String, Object>> expected(String snapshotTable) {
    return snapshotTable.endsWith("_trash")
        ? trash(snapshotTable.substring(0, snapshotTable.length() - "_trash".length()))
        : rows(snapshotTable);
  }
}
