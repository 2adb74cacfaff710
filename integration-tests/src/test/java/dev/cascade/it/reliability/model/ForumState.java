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
 * trash table, as column maps, and the operations journal. Rows are few, so everything is found
 * by scanning.
 *
 * <p>Besides its columns, a row holds what the model alone knows, under keys starting with {@code
 * #}, which no comparison with the database sees: {@link #ROW} tells one row from another that
 * held its id before or after it, and a trash copy's {@link #PARENT}{@code column} names the row
 * that column pointed at when it was trashed, so that a restore can tell a re-keyed root's own
 * children from rows that point at its old id for another reason.
 */
final class ForumState {
  /** The row's identity, the same under a new key. */
  static final String ROW = "#row";

  /** Prefix of a trash copy's keys naming, per foreign-key column, the {@link #ROW} it pointed at. */
  static final String PARENT = "#parent:";

  private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
  private final Map<String, List<Map<String, Object>>> trash = new LinkedHashMap<>();
  private final List<JournalEntry> journal = new ArrayList<>();
  private int rowsMade;
  private int day;

  ForumState() {
    ForumShape.TABLES.forEach(t -> tables.put(t, new ArrayList<>()));
    ForumShape.DELETABLE.forEach(t -> trash.put(t, new ArrayList<>()));
  }

  ForumState copy() {
    ForumState copy = new ForumState();
    tables.forEach((t, rows) -> rows.forEach(r -> copy.tables.get(t).add(new HashMap<>(r))));
    trash.forEach((t, rows) -> rows.forEach(r -> copy.trash.get(t).add(new HashMap<>(r))));
    copy.journal.addAll(journal);
    copy.rowsMade = rowsMade;
    copy.day = day;
    return copy;
  }

  /** Gives a row inserted from outside Cascade its identity. */
  Map<String, Object> identify(Map<String, Object> row) {
    row.put(ROW, ++rowsMade);
    return row;
  }

  /** The row's columns only, as the database shows them. */
  static Map<String, Object> columns(Map<String, Object> row) {
    Map<String, Object> columns = new java.util.TreeMap<>(row);
    columns.keySet().removeIf(k -> k.startsWith("#"));
    return columns;
  }

  /** The model's clock: whole days since the sequence began. */
  int day() {
    return day;
  }

  /** Moves the model's clock on, as the test moves the runtime's. */
  void pass(int days) {
    day += days;
  }

  /** The journal: one entry per delete, in the order they ran. */
  List<JournalEntry> journal() {
    return journal;
  }

  Optional<JournalEntry> operation(String deletionId) {
    return journal.stream().filter(e -> deletionId.equals(e.deletionId())).findFirst();
  }

  /** Gives the delete just modelled the id its call returned. */
  void named(String deletionId) {
    JournalEntry last = journal.get(journal.size() - 1);
    journal.set(journal.size() - 1, last.withDeletionId(deletionId));
  }

  /** Replaces one journal entry by its new state. */
  void update(JournalEntry before, JournalEntry after) {
    journal.set(journal.indexOf(before), after);
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
    tables.values().forEach(rows -> rows.forEach(r -> values.addAll(columns(r).values())));
    trash.values().forEach(rows -> rows.forEach(r -> values.addAll(columns(r).values())));
    return values;
  }

  /** Replaces a made-up value (a {@link Fresh} placeholder) everywhere, the journal's markers included. */
  void replace(Object placeholder, Object actual) {
    for (Map<String, List<Map<String, Object>>> group : List.of(tables, trash)) {
      group.values().forEach(rows -> rows.forEach(r -> r.replaceAll((k, v) -> placeholder.equals(v) ? actual : v)));
    }
    journal.replaceAll(e -> placeholder.equals(e.marker()) ? e.withMarker(actual) : e);
  }

  /** The rows a snapshot of {@code table} (a forum table or a trash table) should show. */
  List<Map<String, Object>> expected(String snapshotTable) {
    return snapshotTable.endsWith("_trash")
        ? trash(snapshotTable.substring(0, snapshotTable.length() - "_trash".length()))
        : rows(snapshotTable);
  }
}
