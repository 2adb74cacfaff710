package dev.cascade.it.reliability;

import dev.cascade.it.forum.Forum;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.TestDatabase;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * One forum the reliability tests run on: the forum of {@code dev.cascade.it.forum} with long
 * keys the database generates, or its copy with UUID keys. The tests speak of the forum's tables
 * ({@code users}, {@code posts_trash}); a flavour says which of its tables plays each, inserts
 * rows, and calls its generated deleters and restorers.
 */
public interface ForumFlavour {
  ForumFlavour LONG_KEYS = new LongKeyForum();
  ForumFlavour UUID_KEYS = new UuidKeyForum();

  /** Ids of either flavour in their natural order: numbers, or UUIDs as {@link java.util.UUID} compares them. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Comparator<Object> KEY_ORDER = (a, b) -> ((Comparable) a).compareTo(b);

  /** {@code long keys}, {@code UUID keys}: for messages. */
  String name();

  /** This flavour's table that plays the forum's {@code table} (or its trash table). */
  String table(String forumTable);

  /** The forum's name of one of this flavour's tables, as {@code rowsByTable} and {@code original_table} name them. */
  default String forumTable(String table) {
    return Forum.TABLES_WITH_TRASH.stream().filter(t -> table(t).equals(table)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no forum table plays " + table));
  }

  /** Every table of this forum and its trash tables, named as in this flavour. */
  List<String> tablesWithTrash();

  void createWithTrash(TestDatabase database);

  /**
   * After the tables were emptied: makes the database number each table's rows from 1 again, so
   * that every sample starts alike and ids of different tables meet (post 1 and comment 1), as
   * they do in a young database. Nothing where the flavour makes its keys.
   */
  default void restartKeys(Handle handle) {}

  /** Whether the database generates keys, so that a restore can give a root whose id was taken a new one. */
  boolean generatesKeys();

  /**
   * The key for the {@code serial}th row inserted into {@code table} since the tables were emptied;
   * null where the database generates it. The same serial gives the same key, so that a run
   * repeats exactly.
   */
  Object newKey(String table, int serial);

  /**
   * A key or foreign key as a snapshot of the database shows it, as the model holds it: SQLite and
   * MariaDB keep a UUID in {@code CHAR(36)}, which reads back as text.
   */
  default Object key(Object fromDatabase) {
    return fromDatabase;
  }

  /** A key no row of the table has had: none of {@code known}. */
  Object absentKey(List<Object> known);

  /**
   * Inserts a row into the forum's {@code table} with these values and {@code key} (or a key the
   * database generates, when null); returns the key.
   */
  Object insert(Handle handle, String table, Object key, Map<String, Object> values);

  DeleteResult destroy(Handle handle, String table, Object id, DeleteOptions options);

  DeleteResult destroyAll(Handle handle, String table, List<Object> ids, DeleteOptions options);

  BatchResult destroyInBatches(Handle handle, String table, Object id, BatchOptions options);

  /** {@code XDeleter.purge} of the forum's {@code table}: the operations rooted there. */
  PurgeResult purge(Handle handle, String table, PurgeOptions options);

  Object restore(Handle handle, String table, Object id, RestoreOptions options);

  List<?> restoreAll(Handle handle, String table, RestoreOptions options);

  List<?> restoreOperation(Handle handle, String table, String deletionId, RestoreOptions options);
}
