package dev.cascade.runtime.internal;

import dev.cascade.runtime.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * How the requested ids go where generated SQL says {@code <ids>}: one bind parameter each for a
 * short list; for a long one, a single parameter holding them all, because drivers cap bind
 * parameters (SQLite at 32,766, PostgreSQL at 65,535) and a statement may name the ids twice.
 *
 * <ul>
 *   <li>PostgreSQL: an array, {@code x = ANY(:idArray)} (see {@link #fill});
 *   <li>H2: one parameter each up to {@value #H2_PARAMETERS_UP_TO}; beyond, the ids written into
 *       the statement as literals (numbers, and UUIDs and strings in quotes, a quote in a string
 *       doubled), which H2 keeps in a hash set. Bound one parameter each, H2 compares every row it
 *       looks at with every parameter (54 s for 100,000 ids), and it runs an array subquery again
 *       for every row; literals cost their parsing instead (about 0.1 ms each), cheaper beyond
 *       some thousands;
 *   <li>SQLite: a JSON array, {@code SELECT value FROM json_each(:idArray)};
 *   <li>MySQL and MariaDB: a JSON array, through {@code JSON_TABLE}, materialized once. String
 *       keys go in as the hex of their UTF-8 bytes, turned back with {@code UNHEX}: MariaDB's
 *       {@code JSON_TABLE} (10.11.5 and others) returns a string with its JSON escapes still in
 *       it, so a key holding a quote, a backslash or a control character would match no row.
 * </ul>
 *
 * Either way a call stays one statement per relation, in one transaction, whatever the number of
 * ids. The array and the JSON table carry the key's own type ({@link KeyType}): {@code uuid[]} for
 * UUIDs on PostgreSQL, {@code CHAR(36)} for them on MySQL.
 */
final class IdBinding {
  /** Up to this many ids, each gets its own parameter; the plans are the simplest that way. */
  static final int ONE_PARAMETER_EACH_UP_TO = 1_000;

  /** On H2, up to this many ids get a parameter each; more are written as literals. */
  static final int H2_PARAMETERS_UP_TO = 10_000;

  private static final String BULK = "idArray";

  private final Dialect dialect;
  private final List<Object> ids;
  private final KeyType keyType;

  /** @param ids of one class, as {@link Keys} leaves them */
  IdBinding(Dialect dialect, List<Object> ids) {
    this.dialect = dialect;
    this.ids = ids;
    this.keyType = KeyType.of(ids);
  }

  /** One parameter holding them all: a long list, but on H2. */
  private boolean bulk() {
    return ids.size() > ONE_PARAMETER_EACH_UP_TO && dialect != Dialect.H2;
  }

  /** A very long list on H2, of keys that can be written as literals. */
  private boolean literals() {
    return ids.size() > H2_PARAMETERS_UP_TO && dialect == Dialect.H2 && keyType != KeyType.OTHER;
  }

  /**
   * The statement's text with the ids in it. On PostgreSQL a long list is an array, and {@code x
   * IN (<ids>)} becomes {@code x = ANY(:idArray)} ({@code NOT IN}, {@code <> ALL}): an index scan
   * whatever the statistics say, where {@code x IN (SELECT * FROM UNNEST(...))} is a join the
   * planner may run as a nested loop (a soft restore of 10,000 rows right after their delete, which
   * the statistics do not know of yet: 5.4-7 s against 16-24 ms).
   */
  String fill(String text) {
    if (!text.contains(Protocol.IDS)) {
      return text;
    }
    String filled = text;
    if (bulk() && dialect == Dialect.POSTGRESQL) {
      filled =
          filled
              .replace(" NOT IN (" + Protocol.IDS + ")", " <> ALL(:" + BULK + ")")
              .replace(" IN (" + Protocol.IDS + ")", " = ANY(:" + BULK + ")");
    }
    return filled.contains(Protocol.IDS) ? filled.replace(Protocol.IDS, placeholder()) : filled;
  }

  /** What stands for {@code <ids>} in the statement's text; {@code NULL}, which no row matches, for no ids. */
  String placeholder() {
    if (ids.isEmpty()) {
      return "NULL";
    }
    if (literals()) {
      StringBuilder list = new StringBuilder(ids.size() * 8);
      for (int i = 0; i < ids.size(); i++) {
        if (i > 0) {
          list.append(", ");
        }
        String id = ids.get(i).toString();
        if (keyType.isNumber()) {
          list.append(id);
        } else {
          list.append('\'').append(id.replace("'", "''")).append('\'');
        }
      }
      return list.toString();
    }
    if (!bulk()) {
      StringBuilder names = new StringBuilder();
      for (int i = 0; i < ids.size(); i++) {
        names.append(i == 0 ? ":ids" : ", :ids").append(i);
      }
      return names.toString();
    }
    return switch (dialect) {
      case POSTGRESQL -> "SELECT * FROM UNNEST(:" + BULK + ")";
      case H2 -> throw new IllegalStateException("H2 takes literals or one parameter per id");
      case SQLITE -> "SELECT value FROM json_each(:" + BULK + ")";
      // The derived table makes MariaDB materialize the ids once: a single-table DELETE or
      // UPDATE would otherwise read JSON_TABLE again for every row it looks at.
      case MYSQL ->
          hexed()
              ? "SELECT cascade_id FROM (SELECT DISTINCT CONVERT(UNHEX(cascade_hex) USING utf8mb4) AS cascade_id"
                  + " FROM JSON_TABLE(:" + BULK + ", '$[*]' COLUMNS (cascade_hex VARCHAR(" + longestHex()
                  + ") PATH '$')) AS cascade_json) AS cascade_ids"
              : "SELECT cascade_id FROM (SELECT DISTINCT cascade_id FROM JSON_TABLE(:" + BULK
                  + ", '$[*]' COLUMNS (cascade_id " + keyType.jsonTableType() + " PATH '$')) AS cascade_json)"
                  + " AS cascade_ids";
    };
  }

  /** String keys on MySQL and MariaDB, which go into the JSON array as hex. */
  private boolean hexed() {
    return dialect == Dialect.MYSQL && !keyType.isNumber() && keyType != KeyType.UUID;
  }

  private int longestHex() {
    int longest = 1;
    for (Object id : ids) {
      longest = Math.max(longest, id.toString().getBytes(StandardCharsets.UTF_8).length);
    }
    return 2 * longest;
  }

  /** Binds the ids, when the statement's text names them. */
  void bind(SqlStatement<?> statement, String text) {
    if (literals()) {
      return;
    }
    if (!bulk()) {
      if (text.contains(":ids0")) {
        for (int i = 0; i < ids.size(); i++) {
          statement.bind("ids" + i, ids.get(i));
        }
      }
      return;
    }
    if (!text.contains(":" + BULK)) {
      return;
    }
    switch (dialect) {
      case POSTGRESQL -> statement.bindArray(BULK, keyType == KeyType.OTHER ? ids.get(0).getClass() : keyType.javaType(), ids);
      case H2 -> throw new IllegalStateException("H2 takes literals or one parameter per id");
      case SQLITE, MYSQL -> statement.bind(BULK, json());
    }
  }

  /** {@code [1,2,3]}, or {@code ["a","b"]} for keys that are not numbers ({@code ["61","62"]} where {@link #hexed}). */
  private String json() {
    StringBuilder json = new StringBuilder(ids.size() * 8).append('[');
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      Object id = ids.get(i);
      if (keyType.isNumber()) {
        json.append(id);
      } else if (hexed()) {
        json.append('"').append(HexFormat.of().formatHex(id.toString().getBytes(StandardCharsets.UTF_8))).append('"');
      } else {
        JsonText.string(json, id.toString());
      }
    }
    return json.append(']').toString();
  }
}
