package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationNotRestorableException;
import dev.cascade.runtime.OperationState;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * The operations journal: one row per delete, written in the delete's transaction, updated by
 * restores and purges. Its unique {@code marker} column is what makes two operations' markers
 * differ across every application instance sharing the database. Public for {@code
 * dev.cascade.runtime.Journal} only.
 */
public final class Journals {
  private static final String COLUMNS =
      "deletion_id, root_table, root_ids, strategy, marker, actor, reason, rows_by_table, total_rows, state,"
          + " restored_at, purged_at";

  /** Lists longer than this are read in parts: drivers cap bind parameters. */
  private static final int PER_QUERY = 1_000;

  private Journals() {}

  /**
   * What to do about a missing journal table: the call that creates it, under its configured name
   * (the advice named the default's alone, which left a renamed journal missing).
   */
  public static String howToCreate(String journal) {
    String call =
        journal.equals(CascadeConfig.DEFAULT_JOURNAL_TABLE)
            ? "Journal.ddl(Dialect.of(handle))"
            : "Journal.ddl(Dialect.of(handle), \"" + journal + "\")";
    return "create it with " + call + " (TrashTables.ddl includes it), or turn the journal off with"
        + " CascadeConfig.setJournalTable(null)";
  }

  /** The handle's journal table, or empty when the journal is off. */
  public static Optional<String> table(Handle handle) {
    return handle.getConfig(CascadeConfig.class).getJournalTable();
  }

  /**
   * The statements that create the journal table and its index on this database, unless they
   * exist (so that the DDL of several deleters may each include it).
   */
  public static List<String> ddl(Dialect dialect, String table) {
    String text = switch (dialect) {
      case MYSQL -> "LONGTEXT";
      case H2 -> "CHARACTER VARYING";
      case POSTGRESQL, SQLITE -> "TEXT";
    };
    String time = switch (dialect) {
      case MYSQL -> "DATETIME(6)";
      case SQLITE -> "TIMESTAMP";
      case H2, POSTGRESQL -> "TIMESTAMP(6) WITH TIME ZONE";
    };
    String index = table + "_root";
    String create =
        "CREATE TABLE IF NOT EXISTS " + table + " (deletion_id VARCHAR(36) NOT NULL PRIMARY KEY,"
            + " root_table VARCHAR(128) NOT NULL, root_ids " + text + " NOT NULL, strategy VARCHAR(10) NOT NULL,"
            + " marker " + time + " NOT NULL, actor VARCHAR(255), reason " + text + ", rows_by_table " + text
            + " NOT NULL, total_rows BIGINT NOT NULL, state VARCHAR(10) NOT NULL, restored_at " + time + ", purged_at "
            + time + ", CONSTRAINT " + table + "_marker UNIQUE (marker)";
    // MySQL has no CREATE INDEX IF NOT EXISTS, but takes the index in the table's definition.
    if (dialect == Dialect.MYSQL) {
      return List.of(create + ", INDEX " + index + " (root_table, state, marker))");
    }
    return List.of(create + ")", "CREATE INDEX IF NOT EXISTS " + index + " ON " + table + " (root_table, state, marker)");
  }

  /**
   * What a delete records when it starts: {@link OperationState#DELETED} for one transaction, or
   * {@link OperationState#DELETING} for a batched delete, until its last batch.
   */
  record Start(
      String deletionId,
      String table,
      List<Object> ids,
      DeleteStrategy strategy,
      Instant marker,
      String actor,
      String reason,
      OperationState state) {

    /** The same start under another marker. */
    Start at(Instant marker) {
      return new Start(deletionId, table, ids, strategy, marker, actor, reason, state);
    }
  }

  /**
   * Records an operation under its marker, unless another operation (in this JVM or another)
   * holds that marker already: then nothing changes and this returns false. On PostgreSQL and
   * SQLite the insert does nothing on a conflict, so the transaction stays usable; H2 and MySQL
   * undo just the failed statement.
   */
  static boolean claim(Handle handle, Dialect dialect, String journal, Start start) {
    String sql =
        "INSERT INTO " + journal + " (deletion_id, root_table, root_ids, strategy, marker, actor, reason, rows_by_table,"
            + " total_rows, state) VALUES (:deletionId, :table, :ids, :strategy, :marker, :actor, :reason, '{}', 0,"
            + " :state)"
            + (dialect == Dialect.POSTGRESQL || dialect == Dialect.SQLITE ? " ON CONFLICT DO NOTHING" : "");
    try {
      var insert = update(handle, sql)
          .bind("deletionId", start.deletionId())
          .bind("table", start.table())
          .bind("ids", JsonText.strings(start.ids()))
          .bind("strategy", start.strategy().name())
          .bind("actor", start.actor())
          .bind("reason", start.reason())
          .bind("state", start.state().name());
      bindTime(insert, dialect, "marker", start.marker());
      return insert.execute() == 1;
    } catch (JdbiException e) {
      if (uniqueViolation(e)) {
        return false;
      }
      if (SqlFailures.missingTable(e)) {
        throw new CascadeException(
            "the operations journal table " + journal + " does not exist, so nothing was deleted: " + howToCreate(journal),
            e);
      }
      throw SqlFailures.exception(
          "recording the delete of " + Keys.of(start.table(), start.ids()) + " in " + journal + " failed: "
              + SqlFailures.briefCause(e),
          e);
    }
  }

  /**
   * Records what an operation removed, once its statements ran; an operation that removed nothing
   * (none of its rows existed, or, soft, all were soft-deleted already) is taken out of the journal
   * again: it has nothing to restore or purge.
   */
  static void finish(Handle handle, String journal, String deletionId, Map<String, Long> rowsByTable) {
    if (removedNothing(rowsByTable)) {
      forget(handle, journal, deletionId);
    } else {
      record(handle, journal, deletionId, rowsByTable, "");
    }
  }

  /**
   * Records what a batched delete removed so far; with {@code done}, that it finished: {@code
   * DELETED}, or out of the journal if it removed nothing, as {@link #finish} does.
   */
  static void progress(Handle handle, String journal, String deletionId, Map<String, Long> rowsByTable, boolean done) {
    if (done && removedNothing(rowsByTable)) {
      forget(handle, journal, deletionId);
    } else {
      record(handle, journal, deletionId, rowsByTable, done ? ", state = 'DELETED'" : "");
    }
  }

  private static boolean removedNothing(Map<String, Long> rowsByTable) {
    return rowsByTable.values().stream().allMatch(count -> count == 0);
  }

  private static void forget(Handle handle, String journal, String deletionId) {
    run(journal, "taking operation " + deletionId + ", which removed nothing, out of the journal", () ->
        update(handle, "DELETE FROM " + journal + " WHERE deletion_id = :id").bind("id", deletionId).execute());
  }

  private static void record(Handle handle, String journal, String deletionId, Map<String, Long> rowsByTable, String set) {
    long total = rowsByTable.values().stream().mapToLong(Long::longValue).sum();
    run(journal, "recording what operation " + deletionId + " removed", () ->
        update(handle,
                "UPDATE " + journal + " SET rows_by_table = :rows, total_rows = :total" + set + " WHERE deletion_id = :id")
            .bind("rows", JsonText.counts(rowsByTable))
            .bind("total", total)
            .bind("id", deletionId)
            .execute());
  }

  /**
   * The batched delete of exactly these roots that began and has not finished, if any: the one a
   * new call finishes, under its marker and deletion id.
   */
  static Optional<Operation> unfinished(Handle handle, String journal, String table, List<Object> ids) {
    return latest(handle, journal, table, ids, " AND state = 'DELETING'");
  }

  /**
   * The last operation that deleted exactly these roots (one {@code destroy} of them, not a {@code
   * destroyAll} of more), in whatever state it is now; for a restore's failure to say what became
   * of them.
   */
  static Optional<Operation> latest(Handle handle, String journal, String table, List<Object> ids) {
    return latest(handle, journal, table, ids, "");
  }

  private static Optional<Operation> latest(Handle handle, String journal, String table, List<Object> ids, String state) {
    return run(journal, "looking up the operations on " + table + " " + ids, () -> {
      var query =
          query(handle,
                  "SELECT " + COLUMNS + " FROM " + journal + " WHERE root_table = :table" + state + " AND"
                      + " root_ids = :ids ORDER BY marker DESC")
              .bind("table", table)
              .bind("ids", JsonText.strings(ids));
      query.setMaxRows(1);
      return query.map(OPERATION).findFirst();
    });
  }

  /**
   * Up to {@code limit} operations on a table that a purge may remove: soft or trash deletes, still
   * deleted or claimed by a purge that did not finish, whose marker is before {@code cutoff} (when
   * given) and after {@code after} (when given), oldest first.
   */
  static List<Operation> purgeable(
      Handle handle, Dialect dialect, String journal, String table, Optional<Instant> cutoff, Optional<Instant> after,
      int limit) {
    return run(journal, "listing the operations of " + table + " to purge", () -> {
      var query =
          query(handle,
                  "SELECT " + COLUMNS + " FROM " + journal + " WHERE root_table = :table AND state IN ('DELETED', 'PURGING')"
                      + " AND strategy IN ('SOFT', 'TRASH')" + (cutoff.isPresent() ? " AND marker < :cutoff" : "")
                      + (after.isPresent() ? " AND marker > :after" : "") + " ORDER BY marker")
              .bind("table", table);
      cutoff.ifPresent(time -> bindTime(query, dialect, "cutoff", time));
      after.ifPresent(time -> bindTime(query, dialect, "after", time));
      query.setMaxRows(limit);
      return query.map(OPERATION).list();
    });
  }

  /**
   * Claims operations for a purge: those still deleted become {@link OperationState#PURGING}, so
   * that no restore takes them back while the purge removes their rows in batches (a restore holds
   * their journal rows: {@link #holdAgainstPurge}).
   *
   * @return the operations the purge may remove now: those it claimed, and those an unfinished
   *     purge claimed before
   */
  static List<String> claim(Handle handle, Dialect dialect, String journal, List<String> deletionIds, Instant now) {
    move(handle, dialect, journal, deletionIds, OperationState.DELETED, OperationState.PURGING, "purged_at", now);
    return withIds(handle, journal, deletionIds).stream()
        .filter(operation -> operation.state() == OperationState.PURGING)
        .map(Operation::deletionId)
        .toList();
  }

  /** Gives claimed operations back: a purge leaves them deleted, for a later one. */
  static void unclaim(Handle handle, String journal, Collection<String> deletionIds) {
    for (List<String> part : parts(new ArrayList<>(deletionIds))) {
      var update =
          update(handle,
                  "UPDATE " + journal + " SET state = 'DELETED', purged_at = NULL WHERE state = 'PURGING' AND"
                      + " deletion_id IN (" + Placeholders.list("id", part.size()) + ")");
      bindAll(update, "id", part);
      run(journal, "giving operations " + part + " back", update::execute);
    }
  }

  /** Marks claimed operations purged, at {@code now}. */
  static void purged(Handle handle, Dialect dialect, String journal, Collection<String> deletionIds, Instant now) {
    move(handle, dialect, journal, deletionIds, OperationState.PURGING, OperationState.PURGED, "purged_at", now);
  }

  /**
   * Before a soft restore: locks the journal rows of the operations that wrote these markers until
   * the restore commits, so that a purge cannot claim one meanwhile, and refuses the restore, which
   * then changes nothing, when a purge claimed one first. By marker alone, which is unique, so that
   * MySQL and MariaDB lock these rows and no range around them.
   *
   * @return the operations on {@code table} that wrote these markers, as locked
   */
  static List<Operation> holdAgainstPurge(Handle handle, Dialect dialect, String journal, String table, List<Instant> markers) {
    List<Operation> held =
        withMarkers(handle, dialect, journal, markers, RowLocks.ofTheOnlyTable(dialect), "locking the operations of " + table + " being restored");
    refuseUnfinished(held);
    List<Operation> onTable = held.stream().filter(operation -> operation.table().equals(table)).toList();
    refusePurging(onTable);
    return onTable;
  }

  /**
   * {@link #holdAgainstPurge(Handle, Dialect, String, String, List)} by deletion id, for a trash
   * restore.
   *
   * @return the operations with these ids, as locked
   */
  static List<Operation> holdAgainstPurge(Handle handle, Dialect dialect, String journal, List<String> deletionIds) {
    List<Operation> held = new ArrayList<>();
    for (List<String> part : parts(deletionIds)) {
      held.addAll(
          run(journal, "locking operations " + part, () ->
              bindAll(query(handle, "SELECT " + COLUMNS + " FROM " + journal + " WHERE deletion_id IN ("
                          + Placeholders.list("id", part.size()) + ")" + RowLocks.ofTheOnlyTable(dialect)), "id", part)
                  .map(OPERATION)
                  .list()));
    }
    refuseUnfinished(held);
    refusePurging(held);
    return held;
  }

  /**
   * A restore of rows that a batched delete still running (or stopped between batches) removed so
   * far: restoring them let the delete's next batches take them again under the same operation,
   * which then counted them twice (a newcomer's trial). Refused, as {@code restoreOperation} of it is.
   */
  private static void refuseUnfinished(List<Operation> operations) {
    unfinishedRefusal(operations).ifPresent(e -> {
      throw e;
    });
  }

  /** The refusal of a restore of rows that one of these operations, a batched delete not finished, removed. */
  static Optional<OperationNotRestorableException> unfinishedRefusal(List<Operation> operations) {
    return operations.stream()
        .filter(operation -> operation.state() == OperationState.DELETING)
        .findFirst()
        .map(operation -> new OperationNotRestorableException(
            operation.deletionId(),
            OperationNotRestorableException.Reason.UNFINISHED,
            "cannot restore rows that operation " + operation.deletionId() + " deleted: it is a batched delete of "
                + operation.table() + " " + operation.ids() + " that has not finished, so nothing was restored; call"
                + " destroyInBatches for " + operation.table() + " " + operation.ids() + " again to finish it, then"
                + " restore it"));
  }

  /** The operations, of any table, that wrote these markers, read without a lock (a preview's, a restoreAll's). */
  static List<Operation> withMarkers(Handle handle, Dialect dialect, String journal, List<Instant> markers) {
    return withMarkers(handle, dialect, journal, markers, "", "reading the operations that deleted these rows");
  }

  private static void refusePurging(List<Operation> operations) {
    for (Operation operation : operations) {
      if (operation.state() == OperationState.PURGING) {
        throw new OperationNotRestorableException(
            operation.deletionId(),
            OperationNotRestorableException.Reason.PURGED,
            "cannot restore operation " + operation.deletionId() + " of " + operation.table() + " " + operation.ids()
                + ": a purge began " + operation.purgedAt().map(Object::toString).orElse("")
                + " to remove its rows for good, in batches, and may have removed some already, so nothing was restored;"
                + " that purge finishes it (the next one, if it stopped)");
      }
    }
  }

  /** Marks operations whose every root is back as restored. */
  static void restored(Handle handle, Dialect dialect, String journal, Collection<String> deletionIds, Instant now) {
    move(handle, dialect, journal, deletionIds, OperationState.DELETED, OperationState.RESTORED, "restored_at", now);
  }

  /** Moves operations from one state to another, noting when in {@code column}. */
  private static void move(
      Handle handle, Dialect dialect, String journal, Collection<String> deletionIds, OperationState from,
      OperationState state, String column, Instant now) {
    for (List<String> part : parts(new ArrayList<>(deletionIds))) {
      var update =
          update(handle,
                  "UPDATE " + journal + " SET state = '" + state + "', " + column + " = :now WHERE state = '" + from + "' AND"
                      + " deletion_id IN (" + Placeholders.list("id", part.size()) + ")");
      bindAll(update, "id", part);
      bindTime(update, dialect, "now", now);
      run(journal, "recording operations " + part + " as " + state.name().toLowerCase(java.util.Locale.ROOT), update::execute);
    }
  }

  public static Optional<Operation> find(Handle handle, String journal, String deletionId) {
    return run(journal, "reading operation " + deletionId, () ->
        query(handle, "SELECT " + COLUMNS + " FROM " + journal + " WHERE deletion_id = :id")
            .bind("id", deletionId)
            .map(OPERATION)
            .findOne());
  }

  public static List<Operation> recent(Handle handle, String journal, int limit) {
    return run(journal, "reading the latest operations", () -> {
      var query = query(handle, "SELECT " + COLUMNS + " FROM " + journal + " ORDER BY marker DESC, deletion_id");
      query.setMaxRows(limit);
      return query.map(OPERATION).list();
    });
  }

  /**
   * Which of these markers, read from rows of {@code table}, no operation in the journal wrote. An
   * operation of any table counts: a parent's soft delete marks the rows below it, and a later
   * delete that names one of them already deleted leaves it so (the model-based run found a purge
   * of such a delete refused, as if an instance in another time zone had written the parent's
   * marker).
   */
  static List<Instant> unknownMarkers(Handle handle, Dialect dialect, String journal, String table, List<Instant> markers) {
    List<Instant> unknown = new ArrayList<>(markers);
    withMarkers(handle, dialect, journal, markers, "", "reading the operations that marked " + table)
        .forEach(operation -> unknown.remove(operation.deletedAt()));
    return unknown;
  }

  /**
   * The operations, of any table, that wrote these markers (unique in the journal), read with
   * {@code lock} at the end of the query: a row lock, or nothing.
   */
  private static List<Operation> withMarkers(
      Handle handle, Dialect dialect, String journal, List<Instant> markers, String lock, String what) {
    List<Operation> found = new ArrayList<>();
    for (List<Instant> part : parts(markers)) {
      var query =
          query(handle,
                  "SELECT " + COLUMNS + " FROM " + journal + " WHERE marker IN (" + Placeholders.list("m", part.size()) + ")" + lock);
      for (int i = 0; i < part.size(); i++) {
        bindTime(query, dialect, "m" + i, part.get(i));
      }
      found.addAll(run(journal, what, () -> query.map(OPERATION).list()));
    }
    return found;
  }

  /** The operations with these ids. */
  static List<Operation> withIds(Handle handle, String journal, List<String> deletionIds) {
    List<Operation> found = new ArrayList<>();
    for (List<String> part : parts(deletionIds)) {
      found.addAll(
          run(journal, "reading operations " + part, () ->
              bindAll(query(handle, "SELECT " + COLUMNS + " FROM " + journal + " WHERE deletion_id IN ("
                          + Placeholders.list("id", part.size()) + ")"), "id", part)
                  .map(OPERATION)
                  .list()));
    }
    return found;
  }

  /** Cascade's statement on the journal, read by {@link PlainSqlParser}. */
  private static Update update(Handle handle, String sql) {
    return PlainSqlParser.apply(handle.createUpdate(sql));
  }

  private static Query query(Handle handle, String sql) {
    return PlainSqlParser.apply(handle.createQuery(sql));
  }

  private static <S extends SqlStatement<S>> S bindAll(S statement, String prefix, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      statement.bind(prefix + i, values.get(i));
    }
    return statement;
  }

  private static final RowMapper<Operation> OPERATION =
      (rs, ctx) -> {
        var time = Columns.mapper(ctx, Instant.class, "journal", "marker");
        Map<String, Long> rows = JsonText.readCounts(rs.getString("rows_by_table"));
        return new Operation(
            rs.getString("deletion_id"),
            rs.getString("root_table"),
            JsonText.readStrings(rs.getString("root_ids")),
            DeleteStrategy.valueOf(rs.getString("strategy")),
            Optional.ofNullable(rs.getString("actor")),
            Optional.ofNullable(rs.getString("reason")),
            time.map(rs, "marker", ctx),
            rows,
            OperationState.valueOf(rs.getString("state")),
            Optional.ofNullable(time.map(rs, "restored_at", ctx)),
            Optional.ofNullable(time.map(rs, "purged_at", ctx)));
      };

  /**
   * Runs a journal statement; a failure is a {@link CascadeException} that names the journal, and
   * says how to create it where it does not exist (a newcomer's trial met the driver's own words
   * from {@code Journal.recent}).
   */
  private static <R> R run(String journal, String what, java.util.function.Supplier<R> statement) {
    try {
      return statement.get();
    } catch (JdbiException e) {
      if (SqlFailures.missingTable(e)) {
        throw new CascadeException(
            what + " failed: the operations journal table " + journal + " does not exist; " + howToCreate(journal), e);
      }
      throw SqlFailures.exception(what + " in the journal " + journal + " failed: " + SqlFailures.briefCause(e), e);
    }
  }

  /** PostgreSQL is told a time is a {@code timestamptz}; the other drivers take an {@code Instant}. */
  private static void bindTime(SqlStatement<?> statement, Dialect dialect, String name, Instant time) {
    if (dialect == Dialect.POSTGRESQL) {
      statement.bind(name, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
    } else {
      statement.bind(name, time);
    }
  }

  /** A duplicate key: SQLState 23505 (H2, PostgreSQL), or MySQL's error 1062. */
  private static boolean uniqueViolation(JdbiException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && ("23505".equals(sql.getSQLState()) || ("23000".equals(sql.getSQLState()) && sql.getErrorCode() == 1062))) {
        return true;
      }
    }
    return false;
  }

  private static <T> List<List<T>> parts(List<T> all) {
    List<List<T>> parts = new ArrayList<>();
    for (int i = 0; i < all.size(); i += PER_QUERY) {
      parts.add(all.subList(i, Math.min(all.size(), i + PER_QUERY)));
    }
    return parts;
  }
}
