package dev.cascade.testing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * Every row of some tables at one moment, normalized so that two snapshots of the same data
 * compare equal whatever the driver's types: column names in lower case, whole numbers as {@code
 * Long}, timestamps as {@code Instant}. Rows are kept sorted, so order does not matter.
 */
public final class Snapshot {
  private final Map<String, List<Map<String, Object>>> tables;

  private Snapshot(Map<String, List<Map<String, Object>>> tables) {
    this.tables = tables;
  }

  public static Snapshot of(Handle handle, DatabaseKind kind, List<String> tables) {
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    for (String written : tables) {
      String table = written.replaceAll("\\$\\{q:([^}]*)}", "$1");
      List<Map<String, Object>> list = new ArrayList<>();
      for (Map<String, Object> row :
          handle.createQuery("SELECT * FROM " + kind.ddl(written)).mapToMap().list()) {
        Map<String, Object> normalized = new TreeMap<>();
        row.forEach((column, value) -> normalized.put(column.toLowerCase(Locale.ROOT), normalize(value)));
        list.add(Collections.unmodifiableMap(normalized));
      }
      list.sort((a, b) -> a.toString().compareTo(b.toString()));
      rows.put(table, Collections.unmodifiableList(list));
    }
    return new Snapshot(rows);
  }

  public List<Map<String, Object>> rows(String table) {
    List<Map<String, Object>> rows = tables.get(table);
    if (rows == null) {
      throw new IllegalArgumentException("no table " + table + " in this snapshot");
    }
    return rows;
  }

  /** The ids of a table's rows. */
  public List<Long> ids(String table) {
    return rows(table).stream().map(r -> (Long) r.get("id")).sorted().toList();
  }

  /** This snapshot without the rows that match, in one table: what a delete should leave. */
  public Snapshot without(String table, Predicate<Map<String, Object>> removed) {
    Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>(tables);
    copy.put(table, rows(table).stream().filter(removed.negate()).toList());
    return new Snapshot(copy);
  }

  /** This snapshot with one column changed in the rows that match, in one table. */
  public Snapshot with(String table, Predicate<Map<String, Object>> which, String column, Object value) {
    Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>(tables);
    List<Map<String, Object>> changed = new ArrayList<>();
    for (Map<String, Object> row : rows(table)) {
      if (which.test(row)) {
        Map<String, Object> updated = new TreeMap<>(row);
        updated.put(column, value);
        changed.add(Collections.unmodifiableMap(updated));
      } else {
        changed.add(row);
      }
    }
    changed.sort((a, b) -> a.toString().compareTo(b.toString()));
    copy.put(table, Collections.unmodifiableList(changed));
    return new Snapshot(copy);
  }

  /** Rows per table. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    tables.forEach((table, rows) -> counts.put(table, rows.size()));
    return counts;
  }

  private static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal decimal && decimal.scale() <= 0) {
      return decimal.longValueExact();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof LocalDateTime local) {
      return Timestamp.valueOf(local).toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Instant) {
      return value;
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Snapshot that && tables.equals(that.tables);
  }

  @Override
  public int hashCode() {
    return tables.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    tables.forEach(
        (table, rows) -> {
          out.append(table).append(" (").append(rows.size()).append(" rows)\n");
          rows.forEach(row -> out.append("  ").append(row).append('\n'));
        });
    return out.toString();
  }
}
