package dev.cascade.runtime;

import dev.cascade.runtime.internal.PlainSqlParser;
import dev.cascade.runtime.internal.Tables;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A trashed table whose key SQLite hands out again: an {@code INTEGER PRIMARY KEY} without {@code
 * AUTOINCREMENT} is the table's rowid, and SQLite gives a new row the highest rowid in use plus one.
 * So once a {@code TRASH} delete took the rows of the highest keys, the next row inserted takes the
 * key of one of them, and that row cannot come back under it: a root comes back under a new key, any other
 * row fails its restore ({@link IdTakenException}) until the new row is gone. With {@code
 * AUTOINCREMENT}, SQLite never gives a key twice, as identity columns, sequences and {@code
 * AUTO_INCREMENT} do not. (README, "Restore": reused ids.)
 */
record ReusedKeyCheck(Handle handle, Dialect dialect, Tables tables) {

  /** The sentence for this table, if it is one whose keys SQLite reuses; nothing elsewhere. */
  Optional<String> problem(CascadeSchema.Table table) {
    if (dialect != Dialect.SQLITE || table.key().isEmpty()) {
      return Optional.empty();
    }
    String key = table.key().get().name();
    Optional<String> stored = tables.storedName(table.name());
    if (stored.isEmpty() || !rowid(stored.get(), key) || autoincrement(stored.get())) {
      return Optional.empty();
    }
    return Optional.of(
        "the key of " + table.name() + ", " + key + ", is SQLite's INTEGER PRIMARY KEY without AUTOINCREMENT, which"
            + " gives a new row the highest key in use plus one: once a TRASH delete took the rows of the highest"
            + " keys, the next row inserted takes the key of one of them, which then cannot come back under it (a"
            + " root comes back under a new key, any other row fails its restore with IdTakenException); declare"
            + " it " + key
            + " INTEGER PRIMARY KEY AUTOINCREMENT (SQLite cannot add that to a table: create the table anew and"
            + " copy its rows)");
  }

  /** Whether the key is the table's one primary key column, declared {@code INTEGER}: the rowid. */
  private boolean rowid(String table, String key) {
    List<PrimaryKeyColumn> primaryKey =
        PlainSqlParser.apply(handle.createQuery("SELECT name, type FROM pragma_table_info(?) WHERE pk > 0"))
            .bind(0, table)
            .map((rs, ctx) -> new PrimaryKeyColumn(rs.getString("name"), rs.getString("type")))
            .list();
    return primaryKey.size() == 1
        && primaryKey.get(0).name().equalsIgnoreCase(key)
        && primaryKey.get(0).type().trim().equalsIgnoreCase("INTEGER");
  }

  /** Whether the table is declared with {@code AUTOINCREMENT}, or has no rowid at all. */
  private boolean autoincrement(String table) {
    String sql =
        PlainSqlParser.apply(handle.createQuery("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?"))
            .bind(0, table)
            .mapTo(String.class)
            .findFirst()
            .orElse("")
            .toUpperCase(Locale.ROOT);
    return sql.contains("AUTOINCREMENT") || sql.replaceAll("\\s+", " ").contains("WITHOUT ROWID");
  }

  private record PrimaryKeyColumn(String name, String type) {}
}
