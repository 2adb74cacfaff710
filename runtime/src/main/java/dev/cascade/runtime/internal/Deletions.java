package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeEvent;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.NotFoundException;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.TransactionConflictException;
import dev.cascade.runtime.TrashRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Runs a generated deleter's plan: destroy and preview. */
public final class Deletions {
  private Deletions() {}

  /**
   * Deletes the rows with these ids and their cascade, atomically: checks first, then the
   * strategy's statements in order, with the listeners around them.
   */
  public static <T> DeleteResult destroy(
      Handle handle, DeletePlan<T> plan, Collection<?> ids, DeleteOptions options) {
    requireOptions(plan.table(), options, "DeleteOptions");
    Keys keys = Keys.of(plan.table(), plan.keyType(), ids);
    Dialect dialect = dialectOf(handle, plan);
    DeleteStrategy strategy = resolve(handle, plan, options);
    Strategy statements = statementsFor(plan, strategy);
    String deletionId = UUID.randomUUID().toString();
    if (keys.isEmpty()) {
      return new DeleteResult(strategy, 0, Map.of(), Map.of(), deletionId);
    }
    Transactions.requireWritable(handle, "destroy of " + keys);
    DeleteResult result = Transactions.atomically(
        handle,
        keys,
        () -> {
          Statements sql = new Statements(handle, dialect, plan.schema(), Placeholders.of(dialect, keys));
          Events<T> events =
              new Events<>(
                  handle,
                  plan.type(),
                  options.skipEvents(),
                  CascadeEvent.Kind.DELETING,
                  CascadeEvent.Kind.DELETED);
          List<T> roots = events.active() ? roots(plan, sql, keys, strategy) : List.of();
          if (options.requireExisting()) {
            requireExisting(
                handle, dialect, plan, keys, strategy,
                events.active() ? roots.stream().map(plan::keyOf).toList() : deletableKeys(plan, sql, strategy));
          }
          if (options.descendants()) {
            RestrictChecks.run(statements, sql, keys);
          }
          CascadeConfig config = handle.getConfig(CascadeConfig.class);
          Instant now =
              Markers.claim(
                  handle,
                  dialect,
                  plan.schema(),
                  strategy,
                  new Journals.Start(
                      deletionId,
                      plan.table(),
                      keys.ids(),
                      strategy,
                      null,
                      options.actor().orElseGet(config.getActorSupplier()),
                      options.reason().orElse(null),
                      OperationState.DELETED));
          Optional<TrashRecord> trash =
              strategy == DeleteStrategy.TRASH
                  ? Optional.of(new TrashRecord(plan.trashTable(), plan.table(), deletionId, now))
                  : Optional.empty();
          events.fire(
              CascadeEvent.Kind.DELETING, plan.table(), roots, plan::keyOf, strategy, 0, Map.of(), trash);

          Map<String, Long> rows = new LinkedHashMap<>();
          Map<String, Long> nullified = new LinkedHashMap<>();
          Map<String, Long> copied = new LinkedHashMap<>();
          long deleted = 0;
          long below = 0;
          Map<String, Object> values =
              Map.of(Protocol.DELETED_AT, now, Protocol.DELETION_ID_PARAMETER, deletionId);
          for (DeleteStep step : statements.steps()) {
            if ((!options.descendants() && !step.root()) || !step.sql().runsOn(dialect)) {
              continue;
            }
            long count = update(handle, plan, keys, sql, step, values, options.descendants());
            switch (step.kind()) {
              case NULLIFY -> nullified.merge(step.table(), count, Long::sum);
              case COPY -> copied.merge(step.table(), count, Long::sum);
              case FLATTEN, UNLINK -> { }
              case DELETE, MARK -> {
                rows.merge(step.table(), count, Long::sum);
                deleted += step.root() ? count : 0;
                below += step.root() ? 0 : count;
              }
            }
          }
          if (deleted == 0 && below > 0) {
            throw rootsTakenMeanwhile(keys, strategy);
          }
          if (strategy == DeleteStrategy.TRASH) {
            requireCopiedAsDeleted(keys, copied, rows);
          }
          config.getJournalTable().ifPresent(journal -> Journals.finish(handle, journal, deletionId, rows));
          events.fire(
              CascadeEvent.Kind.DELETED, plan.table(), roots, plan::keyOf, strategy, deleted, rows, trash);
          return new DeleteResult(strategy, deleted, rows, nullified, deletionId);
        });
    if (strategy == DeleteStrategy.TRASH) {
      TrashStatistics.refresh(handle, dialect, plan.schema(), result.rowsByTable());
    }
    return result;
  }

  /**
   * A delete that removed or marked rows below its roots and then none of the roots: another
   * transaction deleted or soft-deleted them between, and took them from this operation, which
   * would then hold rows below roots it does not hold (at READ COMMITTED a newcomer's trial had a
   * document's children soft-deleted by the document's own delete and the document by its
   * folder's, so that neither restore brought the children back). Exact for one root; of several,
   * it catches the case where all are taken.
   */
  private static TransactionConflictException rootsTakenMeanwhile(Keys keys, DeleteStrategy strategy) {
    return new TransactionConflictException(
        "deleting " + keys + " with " + strategy + ": it reached rows below them, then another transaction"
            + " deleted or soft-deleted them before this delete could, so nothing was changed: retry, which finds"
            + " them deleted");
  }

  /**
   * Runs one step; a copy locks the rows it copies ({@link RowLocks}). A copy into a trash table
   * that does not exist fails saying so and how to create it, and a delete that a foreign key
   * refuses says what may have left rows behind, rather than with the driver's words alone.
   */
  private static long update(
      Handle handle, DeletePlan<?> plan, Keys keys, Statements sql, DeleteStep step, Map<String, Object> values,
      boolean descendants) {
    try {
      return step.kind() == DeleteStep.Kind.COPY
          ? sql.copy(step.sql(), step.table(), values, step.describe())
          : sql.update(step.sql(), values, step.describe());
    } catch (CascadeException e) {
      if (step.kind() == DeleteStep.Kind.DELETE && SqlFailures.foreignKeyViolation(e)) {
        throw refused(plan.schema(), step.table(), e, descendants);
      }
      if (step.kind() == DeleteStep.Kind.COPY && SqlFailures.missingTable(e)) {
        throw missingTable(handle, plan, keys, step, e);
      }
      throw e;
    }
  }

  /**
   * The failure of a delete that a foreign key refused, by what left the rows there: another
   * transaction, when the refusing table is one this model's cascade reaches (whose rows the
   * cascade removed or unlinked earlier in the transaction), which a retry gets past; a table the
   * model does not name, which fails every retry the same way; or {@code withDescendants(false)}.
   * SQLite's message names no table, so there the failure names both causes. For a {@code destroy}
   * and for each batch of {@code destroyInBatches} and of a purge.
   *
   * @param deleted the table the refused statement deleted from
   */
  static CascadeException refused(CascadeSchema schema, String deleted, CascadeException e, boolean descendants) {
    String still = "; rows of another table still point at these " + deleted + " rows";
    if (!descendants) {
      return new CascadeException(
          e.getMessage() + still + ", and withDescendants(false) leaves them in place: delete them first, or delete"
              + " with descendants; nothing was changed",
          e);
    }
    Optional<String> table = SqlFailures.referencingTable(e);
    if (table.isEmpty()) {
      return new CascadeException(
          e.getMessage() + still + ". If this model's cascade reaches that table, another transaction added them"
              + " while this delete ran: retry. If it does not, name the relation in the model (@HasMany on the parent,"
              + " @BelongsTo on the child), or delete those rows first; nothing was changed",
          e);
    }
    Optional<CascadeSchema.Table> reachedTable =
        schema.tables().stream().filter(t -> t.name().equalsIgnoreCase(table.get())).findFirst();
    Optional<String> reached = reachedTable.map(CascadeSchema.Table::name);
    String stored = table.get();
    String shown = reached.orElse(Tables.shown(stored));
    String rows = "; rows of " + shown + " still point at these " + deleted + " rows";
    // A column of a table the cascade reaches that the model does not name (a school's flagship
    // course, pointing back into its own cascade): every retry fails the same way (trial 24 got
    // "retry" for it, on H2 and MariaDB, with no other transaction).
    Optional<String> unnamed =
        reachedTable.flatMap(t -> SqlFailures.referencingColumn(e).filter(column -> !t.namesForeignKey(column)));
    if (unnamed.isPresent()) {
      String column = shown + "." + unnamed.get().toLowerCase(Locale.ROOT);
      return new CascadeException(
          e.getMessage() + rows + " through " + column + ", a foreign key the model does not name: name the relation"
              + " in the model (@HasMany on the parent, @BelongsTo on the child; SchemaCheck lists every such foreign"
              + " key), or, where that would close a cycle (a row pointing back into its own cascade), set " + column
              + " to null before the delete; nothing was changed",
          e);
    }
    return reached.isPresent()
        ? new TransactionConflictException(
            e.getMessage() + rows + ": this model's cascade reaches that table, so another transaction added them"
                + " while this delete ran; nothing was changed: retry",
            e)
        : new CascadeException(
            e.getMessage() + rows + ", and the model does not name that table: name the relation in the model"
                + " (@HasMany on the parent, @BelongsTo on the child; SchemaCheck lists every such foreign key), or"
                + " delete those rows first; nothing was changed",
            e);
  }

  /**
   * A copy into the trash that names a table that does not exist: the table itself (a misspelt
   * {@code @Table}), as the database's message names it or the catalog says; else its trash table.
   * PostgreSQL names only the first it misses, the trash table, and its catalog cannot be read in
   * the failed transaction, so there the message says to check both.
   */
  private static CascadeException missingTable(Handle handle, DeletePlan<?> plan, Keys keys, DeleteStep step, CascadeException e) {
    String trash =
        plan.schema().cascadeTable(step.table()).flatMap(CascadeSchema.Table::trashTable).orElse(step.table() + "_trash");
    boolean tableNamed = SqlFailures.missingTableName(e).filter(name -> name.equalsIgnoreCase(step.table())).isPresent();
    Optional<Boolean> tableExists = tableNamed ? Optional.of(false) : exists(handle, step.table());
    if (tableExists.equals(Optional.of(false))) {
      return new CascadeException(
          "deleting " + keys + " with TRASH: the table " + step.table() + " does not exist, so nothing was deleted;"
              + " check the name in @Table (SchemaCheck.problems lists every table and column the model names that the"
              + " database lacks)" + caseKept(step.table()), e);
    }
    return new CascadeException(
        "deleting " + keys + " with TRASH: the trash table " + trash + " of " + step.table()
            + " does not exist, so nothing was deleted; create it with TrashTables.ddl(handle, ...)"
            + (tableExists.isEmpty() ? ", which also says whether " + step.table() + " itself exists (a misspelt @Table)" : "")
            + " (SchemaCheck.problems lists what else is missing)", e);
  }

  /**
   * For a name with capitals, which a table an older tool created in quotes may have kept: that
   * Cascade does not reach it on a database that folds unquoted names.
   */
  private static String caseKept(String table) {
    if (table.equals(table.toLowerCase(Locale.ROOT)) || table.equals(table.toUpperCase(Locale.ROOT))) {
      return "";
    }
    return "; Cascade writes the name without quotes, which PostgreSQL reads as " + table.toLowerCase(Locale.ROOT)
        + " and H2 as " + table.toUpperCase(Locale.ROOT) + ", so a table created in quotes as \"" + table + "\" is"
        + " not reached: SchemaCheck says how to rename it";
  }

  /** Whether the table exists; empty where the database cannot be asked (PostgreSQL, its transaction aborted). */
  private static Optional<Boolean> exists(Handle handle, String table) {
    try {
      return Optional.of(Tables.of(handle).exists(table));
    } catch (RuntimeException cannotTell) {
      return Optional.empty();
    }
  }

  /**
   * The records of the rows the call deletes, for listeners, in the order of its ids: those that
   * exist and, for {@code SOFT}, are not soft-deleted yet, which {@link DeleteResult#deletedCount()}
   * counts.
   */
  private static <T> List<T> roots(DeletePlan<T> plan, Statements sql, Keys keys, DeleteStrategy strategy) {
    List<T> found = keys.inOrder(sql.list(plan.selectRoots(), plan.rowMapper(), "loading " + plan.table()), plan::keyOf);
    return strategy == DeleteStrategy.SOFT ? found.stream().filter(r -> !plan.softDeleted(r)).toList() : found;
  }

  /** The keys alone of the rows {@link #roots} would load: no record is built, none is kept. */
  private static List<Object> deletableKeys(DeletePlan<?> plan, Statements sql, DeleteStrategy strategy) {
    Optional<String> mark = strategy == DeleteStrategy.SOFT ? plan.softDeleteColumn() : Optional.empty();
    RowMapper<Optional<Object>> key =
        (rs, ctx) ->
            mark.isPresent() && rs.getObject(mark.get()) != null
                ? Optional.empty()
                : Optional.of(
                    Columns.mapper(ctx, plan.keyType(), plan.table(), plan.keyColumn()).map(rs, plan.keyColumn(), ctx));
    return sql.list(plan.selectRoots(), key, "looking up " + plan.table()).stream().flatMap(Optional::stream).toList();
  }

  /** Fails, before anything changed, when an id names no row the call deletes. */
  private static void requireExisting(
      Handle handle, Dialect dialect, DeletePlan<?> plan, Keys keys, DeleteStrategy strategy, List<Object> deletable) {
    List<Object> missing = keys.missingFrom(deletable);
    if (missing.isEmpty()) {
      return;
    }
    String why = strategy == DeleteStrategy.SOFT ? "no such row, or it is soft-deleted already" : "no such row";
    throw new NotFoundException(
        plan.table(), missing,
        "cannot delete " + Keys.of(plan.table(), missing) + ": " + why + ", so nothing was changed (the call asked"
            + " withRequireExisting(true); without it, ids that name no row are left out)"
            + trashed(handle, dialect, plan, missing));
  }

  /**
   * Where the first of the ids a delete requires names a row in the trash, what holds it there and
   * how to erase it: a delete reaches live rows only (trial 25: a GDPR erasure of a member whose
   * organization was in the trash changed nothing, and this refusal said "no such row"). Read only
   * once the delete is refused.
   */
  private static String trashed(Handle handle, Dialect dialect, DeletePlan<?> plan, List<Object> missing) {
    Object key = missing.get(0);
    Optional<Operation> holder =
        plan.schema().cascadeTable(plan.table()).flatMap(CascadeSchema.Table::trashTable).isEmpty()
            ? Optional.empty()
            : ParentHold.of(handle, dialect, plan.schema(), plan.table(), key) instanceof ParentHold.Held held
                ? held.operation().filter(o -> o.strategy() == DeleteStrategy.TRASH)
                : Optional.empty();
    return holder
        .map(o -> "; " + plan.table() + " " + key + " is in the trash, from operation " + o.deletionId() + " (TRASH of "
            + o.table() + " " + o.ids() + " at " + o.deletedAt() + "), and a delete reaches live rows only: to erase it"
            + " now, restore that operation (the " + o.table() + " restorer's restoreOperation(handle, \"" + o.deletionId()
            + "\")) and delete it again PERMANENTly, or purge the operation")
        .orElse("");
  }

  /** A trash copy that differs from what was deleted means the tables changed under the call. */
  static void requireCopiedAsDeleted(Keys keys, Map<String, Long> copied, Map<String, Long> deleted) {
    deleted.forEach(
        (table, count) -> {
          long copies = copied.getOrDefault(table, 0L);
          if (copies != count) {
            throw new TransactionConflictException(
                "trashing " + table + " for " + keys + " copied " + copies + " rows but deleted " + count
                    + "; the table changed while the delete ran, so nothing was changed: retry");
          }
        });
  }

  /** Counts what {@link #destroy} would do, in one transaction, changing nothing. */
  public static <T> DeletePreview preview(
      Handle handle, DeletePlan<T> plan, Collection<?> ids, DeleteOptions options) {
    requireOptions(plan.table(), options, "DeleteOptions");
    Keys keys = Keys.of(plan.table(), plan.keyType(), ids);
    Dialect dialect = dialectOf(handle, plan);
    DeleteStrategy strategy = resolve(handle, plan, options);
    Strategy statements = statementsFor(plan, strategy);
    if (keys.isEmpty()) {
      return new DeletePreview(strategy, Map.of(), Map.of(), Map.of());
    }
    return Transactions.atomically(
        handle,
        keys,
        () -> {
          Statements sql = new Statements(handle, dialect, plan.schema(), Placeholders.of(dialect, keys));
          Map<String, Long> restricted = new LinkedHashMap<>();
          for (Restriction restriction : RestrictChecks.runnable(statements, sql)) {
            long count = sql.count(restriction.sql(), "counting " + restriction.counted());
            if (count > 0) {
              restricted.merge(restriction.counted(), count, Long::sum);
            }
          }
          Map<String, Long> rows = new LinkedHashMap<>();
          Map<String, Long> nullified = new LinkedHashMap<>();
          for (Count count : statements.counts()) {
            long n = sql.count(count.sql(), "counting " + count.table());
            (count.nullified() ? nullified : rows).merge(count.table(), n, Long::sum);
          }
          return new DeletePreview(strategy, rows, nullified, restricted);
        });
  }

  /** Null options are a caller's mistake, told as every other error is: a {@link CascadeException}. */
  static void requireOptions(String table, Object options, String type) {
    refuseNull(table, options, type + ".defaults() for the defaults");
  }

  /**
   * Null purge options, refused with options to pass: a purge has no defaults, as the age of what it
   * removes for good is the caller's to choose.
   */
  static void requirePurgeOptions(String table, Object options) {
    refuseNull(
        table, options,
        "PurgeOptions.olderThan(Duration.ofDays(30)), say, or PurgeOptions.olderThan(Duration.ZERO) for every"
            + " operation deleted until now");
  }

  private static void refuseNull(String table, Object options, String pass) {
    if (options == null) {
      throw new CascadeException(table + ": the options are null; pass " + pass);
    }
  }

  /** The call's strategy, first wins: the options, the model, the configuration. */
  static DeleteStrategy resolve(Handle handle, DeletePlan<?> plan, DeleteOptions options) {
    return resolve(handle, plan, options.strategy());
  }

  /** The call's strategy, first wins: the one asked for, the model's, the configuration's. */
  static DeleteStrategy resolve(Handle handle, DeletePlan<?> plan, Optional<DeleteStrategy> asked) {
    return asked.or(plan::writtenStrategy).orElseGet(() -> handle.getConfig(CascadeConfig.class).getDefaultStrategy());
  }

  static Strategy statementsFor(DeletePlan<?> plan, DeleteStrategy strategy) {
    return plan.strategy(strategy)
        .orElseThrow(
            () ->
                new CascadeException(
                    plan.table()
                        + " cannot be deleted with "
                        + strategy
                        + ": "
                        + plan.softUnsupported().orElse("its deleter has no such plan")
                        + "; add the column or choose another strategy"));
  }

  static Dialect dialectOf(Handle handle, DeletePlan<?> plan) {
    if (handle == null) {
      throw new CascadeException(plan.table() + ": the handle is null");
    }
    if (handle.isClosed()) {
      throw new CascadeException(plan.table() + ": the handle is closed; open a new one");
    }
    return Dialect.of(handle);
  }
}
