package dev.cascade.runtime.internal;

import dev.cascade.runtime.Dialect;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The values of one call that generated SQL names by placeholder (see {@link Protocol}): the
 * requested keys, the markers of the operations a restore brings back, and the roots a restore
 * gives new keys.
 */
final class Placeholders {
  /** Up to this many markers are bound one parameter each; beyond, {@code IN (<markers>)} is left out. */
  static final int MARKERS_BOUND_UP_TO = 1_000;

  private static final String IN_MARKERS = " IN (" + Protocol.MARKERS + ")";

  private final Keys keys;
  private final IdBinding ids;
  private final List<Object> markers;
  private final Dialect dialect;
  private final Map<Object, Object> rekeyed;
  private final Map<Object, Instant> rekeyedAt;
  private final Class<?> keyType;
  private final boolean wholeOperations;

  private Placeholders(
      Dialect dialect,
      Keys keys,
      List<Object> markers,
      Map<Object, Object> rekeyed,
      Map<Object, Instant> rekeyedAt,
      Class<?> keyType,
      boolean wholeOperations) {
    this.dialect = dialect;
    this.keys = keys;
    this.ids = new IdBinding(dialect, keys.ids());
    this.markers = List.copyOf(markers);
    this.rekeyed = new LinkedHashMap<>(rekeyed);
    this.rekeyedAt = new LinkedHashMap<>(rekeyedAt);
    this.keyType = keyType;
    this.wholeOperations = wholeOperations;
    if (!this.rekeyedAt.keySet().containsAll(this.rekeyed.keySet())) {
      throw new IllegalArgumentException("every re-keyed root needs the time it was trashed at");
    }
  }

  /** A delete's: the requested keys only. */
  static Placeholders of(Dialect dialect, Keys keys) {
    return new Placeholders(dialect, keys, List.of(), Map.of(), Map.of(), Object.class, false);
  }

  /**
   * A restore's: the roots' keys, their operations' markers, the roots given new keys (old to new)
   * with the time each was trashed at, and whether the call restores whole operations, so that the
   * parts of conditions that pick the named roots out of them are left out ({@link
   * Protocol#ONLY_NAMED}).
   */
  static Placeholders of(
      Dialect dialect,
      Keys keys,
      List<Object> markers,
      Map<Object, Object> rekeyed,
      Map<Object, Instant> rekeyedAt,
      Class<?> keyType,
      boolean wholeOperations) {
    if (wholeOperations && markers.size() > MARKERS_BOUND_UP_TO) {
      throw new IllegalArgumentException("whole operations are found by their markers, which must all be bound");
    }
    return new Placeholders(dialect, keys, markers, rekeyed, rekeyedAt, keyType, wholeOperations);
  }

  Keys keys() {
    return keys;
  }

  /** The statement's text with every placeholder filled in; the ids last, as they may be literals. */
  String expand(String sql) {
    String text = wholeOnly(onlyNamed(forDialect(sql)));
    if (text.contains(IN_MARKERS)) {
      text = text.replace(IN_MARKERS, markers.size() > MARKERS_BOUND_UP_TO ? " IS NOT NULL" : " IN (" + list("markers", markers.size()) + ")");
    }
    text = replaceEach(text, Protocol.REKEYED, this::rekeyed);
    text = replaceEach(text, Protocol.KEPT, this::kept);
    return ids.fill(text);
  }

  void bind(SqlStatement<?> statement, String text) {
    ids.bind(statement, text);
    if (text.contains(":markers0")) {
      for (int i = 0; i < markers.size(); i++) {
        statement.bind("markers" + i, markers.get(i));
      }
    }
    if (text.contains(":rekeyedOld0")) {
      int i = 0;
      for (Map.Entry<Object, Object> entry : rekeyed.entrySet()) {
        statement.bindByType("rekeyedOld" + i, entry.getKey(), keyType);
        statement.bindByType("rekeyedNew" + i, entry.getValue(), keyType);
        Instant at = rekeyedAt.get(entry.getKey());
        // PostgreSQL is told a time is a timestamptz, as the delete that wrote it was.
        statement.bind("rekeyedAt" + i, dialect == Dialect.POSTGRESQL ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : at);
        i++;
      }
    }
  }

  /**
   * Keeps what the {@link Protocol#ONLY_NAMED} parts enclose, or, for whole operations, leaves the
   * parts out, each with what it encloses (parts nest).
   */
  private String onlyNamed(String sql) {
    if (!sql.contains(Protocol.ONLY_NAMED)) {
      return sql;
    }
    return wholeOperations
        ? withoutParts(sql, Protocol.ONLY_NAMED, Protocol.END_ONLY_NAMED)
        : keepingParts(sql, Protocol.ONLY_NAMED, Protocol.END_ONLY_NAMED);
  }

  /**
   * Keeps the parts written for the connected database: what {@link Protocol#SQLITE_ONLY} encloses
   * on SQLite, what {@link Protocol#NOT_SQLITE} encloses elsewhere, then what {@link
   * Protocol#H2_ONLY} encloses on H2 and what {@link Protocol#NOT_H2} encloses elsewhere; the others
   * go with what they enclose, parts of any kind inside them too. Writes {@link
   * Protocol#OVERRIDING} for the database.
   */
  private String forDialect(String sql) {
    String text =
        sql.replace(Protocol.OVERRIDING, dialect == Dialect.POSTGRESQL || dialect == Dialect.H2 ? " OVERRIDING SYSTEM VALUE" : "");
    text = onlyFor(text, dialect == Dialect.SQLITE, Protocol.SQLITE_ONLY, Protocol.END_SQLITE_ONLY, Protocol.NOT_SQLITE,
        Protocol.END_NOT_SQLITE);
    return onlyFor(text, dialect == Dialect.H2, Protocol.H2_ONLY, Protocol.END_H2_ONLY, Protocol.NOT_H2, Protocol.END_NOT_H2);
  }

  /** The parts {@code only} encloses where {@code connected}, those {@code not} encloses otherwise. */
  private static String onlyFor(String sql, boolean connected, String only, String endOnly, String not, String endNot) {
    if (!sql.contains(only) && !sql.contains(not)) {
      return sql;
    }
    return connected
        ? keepingParts(withoutParts(sql, not, endNot), only, endOnly)
        : keepingParts(withoutParts(sql, only, endOnly), not, endNot);
  }

  /** The text with what the parts {@code open} and {@code close} enclose, without the marks. */
  private static String keepingParts(String sql, String open, String close) {
    return sql.replace(open, "").replace(close, "");
  }

  /** The text without the parts {@code open} and {@code close} enclose, nor what is in them; they nest. */
  private static String withoutParts(String sql, String open, String close) {
    StringBuilder out = new StringBuilder(sql.length());
    int depth = 0;
    int at = 0;
    while (at < sql.length()) {
      if (sql.startsWith(open, at)) {
        depth++;
        at += open.length();
      } else if (sql.startsWith(close, at)) {
        depth--;
        at += close.length();
      } else {
        if (depth == 0) {
          out.append(sql.charAt(at));
        }
        at++;
      }
    }
    return out.toString();
  }

  /**
   * Keeps what the {@link Protocol#WHOLE_ONLY} parts enclose for whole operations, or leaves the
   * parts out, each with what it encloses.
   */
  private String wholeOnly(String sql) {
    if (!sql.contains(Protocol.WHOLE_ONLY)) {
      return sql;
    }
    return wholeOperations
        ? keepingParts(sql, Protocol.WHOLE_ONLY, Protocol.END_WHOLE_ONLY)
        : withoutParts(sql, Protocol.WHOLE_ONLY, Protocol.END_WHOLE_ONLY);
  }

  /**
   * {@code CASE WHEN user_id = :rekeyedOld0 AND trashed_at <= :rekeyedAt0 THEN :rekeyedNew0 ELSE
   * user_id END}, or the column: a row trashed after the re-keyed root pointed, when it was
   * trashed, at another row that had taken the key, and keeps it.
   */
  private String rekeyed(String argument) {
    int split = argument.lastIndexOf(Protocol.REKEYED_AT);
    String column = split < 0 ? argument : argument.substring(0, split);
    if (rekeyed.isEmpty()) {
      return column;
    }
    StringBuilder sql = new StringBuilder("CASE");
    for (int i = 0; i < rekeyed.size(); i++) {
      sql.append(" WHEN ").append(column).append(" = :rekeyedOld").append(i);
      if (split >= 0) {
        sql.append(" AND ").append(argument.substring(split + Protocol.REKEYED_AT.length())).append(" <= :rekeyedAt").append(i);
      }
      sql.append(" THEN :rekeyedNew").append(i);
    }
    return sql.append(" ELSE ").append(column).append(" END").toString();
  }

  /** {@code id NOT IN (:rekeyedOld0)}: the roots restored under their own keys. */
  private String kept(String key) {
    return rekeyed.isEmpty() ? "1 = 1" : key + " NOT IN (" + list("rekeyedOld", rekeyed.size()) + ")";
  }

  /** {@code :name0, :name1, :name2}: a parameter for each of {@code size} values; {@code NULL} for none. */
  static String list(String name, int size) {
    if (size == 0) {
      return "NULL";
    }
    List<String> names = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      names.add(":" + name + i);
    }
    return String.join(", ", names);
  }

  private interface Expansion {
    String expand(String argument);
  }

  /** Replaces every {@code <open...>} with what {@code expansion} makes of its argument. */
  private static String replaceEach(String text, String open, Expansion expansion) {
    int start = text.indexOf(open);
    if (start < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (start >= 0) {
      int end = text.indexOf(Protocol.CLOSE, start + open.length());
      out.append(text, at, start).append(expansion.expand(text.substring(start + open.length(), end)));
      at = end + Protocol.CLOSE.length();
      start = text.indexOf(open, at);
    }
    return out.append(text.substring(at)).toString();
  }
}
