package dev.cascade.runtime;

import dev.cascade.runtime.internal.Journals;
import dev.cascade.runtime.internal.Purges;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The operations journal: every delete, of any strategy, writes one row to it in its own
 * transaction (who, what, when, why, how many rows); restores and purges update it. Read it to
 * answer "who deleted project 12, and why?", to list the trash, or to undo "that delete an hour
 * ago" with {@code XRestorer.restoreOperation(handle, deletionId)}.
 *
 * <pre>{@code
 * for (Operation op : Journal.recent(handle, 20)) {
 *   log.info("{} {} {} {} by {}: {}", op.deletedAt(), op.strategy(), op.table(), op.ids(),
 *       op.actor().orElse("?"), op.reason().orElse(""));
 * }
 * }</pre>
 *
 * <p>The table is {@value CascadeConfig#DEFAULT_JOURNAL_TABLE} unless {@link
 * CascadeConfig#setJournalTable} names another; create it with {@link #ddl(Dialect)} (or {@link
 * TrashTables#ddl}, which includes it). Its unique {@code marker} column is what keeps the markers
 * of two operations apart across every application instance that shares the database.
 */
public final class Journal {
  private Journal() {}

  /** The latest operations, newest first. */
  public static List<Operation> recent(Handle handle, int limit) {
    if (limit < 1) {
      throw new CascadeException("Journal.recent: the limit must be at least 1, not " + limit);
    }
    return Journals.recent(handle, table(handle), limit);
  }

  /** The operation with this id, the {@code deletionId()} of its {@code DeleteResult}. */
  public static Optional<Operation> find(Handle handle, String deletionId) {
    String table = table(handle);
    if (deletionId == null) {
      throw new CascadeException("Journal.find: the deletion id is null; pass the deletionId() of a DeleteResult");
    }
    return Journals.find(handle, table, deletionId);
  }

  /**
   * Purges for good every model's operations deleted ({@code SOFT} or {@code TRASH}) before now
   * minus the options' age: {@code XDeleter.purge} of each deleter Cascade generated that is on the
   * class path (the processor lists them in {@code META-INF/services}), table by table, so that no
   * one lists forty deleters by hand.
   *
   * <pre>{@code
   * // nightly: empty the trash and the soft-deleted rows of every model, 30 days on
   * PurgeResult purged = Journal.purge(handle, PurgeOptions.olderThan(Duration.ofDays(30)));
   * }</pre>
   *
   * @throws CascadeException when the handle is in a transaction, or the journal is off
   */
  public static PurgeResult purge(Handle handle, PurgeOptions options) {
    return Purges.everything(handle, options);
  }

  /** The statements that create the journal, {@value CascadeConfig#DEFAULT_JOURNAL_TABLE}, on this database. */
  public static List<String> ddl(Dialect dialect) {
    return ddl(dialect, CascadeConfig.DEFAULT_JOURNAL_TABLE);
  }

  /** The statements that create a journal table of this name. */
  public static List<String> ddl(Dialect dialect, String table) {
    SchemaArguments.require("Journal.ddl", dialect);
    if (table == null || table.isBlank()) {
      throw new CascadeException("Journal.ddl: the table name is empty; pass the name CascadeConfig.setJournalTable was given");
    }
    return Journals.ddl(dialect, table);
  }

  private static String table(Handle handle) {
    if (handle == null) {
      throw new CascadeException("Journal: the handle is null");
    }
    if (handle.isClosed()) {
      throw new CascadeException("Journal: the handle is closed; open a new one");
    }
    return Journals.table(handle)
        .orElseThrow(() -> new CascadeException("the operations journal is off (CascadeConfig.setJournalTable(null))"));
  }
}
