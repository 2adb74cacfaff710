package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeEvent;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.IdConflict;
import dev.cascade.runtime.IdTakenException;
import dev.cascade.runtime.NotDeletedException;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationNotRestorableException;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.ParentStillDeletedException;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.runtime.RestorePreview;
import dev.cascade.runtime.TransactionConflictException;
import dev.cascade.runtime.TrashRecord;
import dev.cascade.runtime.ValueTakenException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Runs a generated restorer's plan: brings back exactly the rows the restored delete operations
 * removed, from a soft delete or from the trash, atomically, with the listeners around it.
 */
public final class Restorations {
  private Restorations() {}

  /** Restores one id and returns its live record; fails if it is not deleted. */
  public static <T> T restore(Handle handle, RestorePlan<T> plan, Object id, RestoreOptions options) {
    Deletions.requireOptions(plan.table(), options, "RestoreOptions");
    Keys keys = Keys.of(plan.table(), plan.keyType(), java.util.Collections.singletonList(id));
    Dialect dialect = dialectOf(handle, plan);
    Transactions.requireWritable(handle, "restore of " + keys);
    return Transactions.atomically(
        handle, keys, () -> new Restoration<>(handle, dialect, plan, options).restoreRequested(keys).get(0));
  }

  /**
   * What restoring one id would bring back and what would block it, in one transaction, changing
   * nothing; fails as {@link #restore} does if it is not deleted.
   */
  public static <T> RestorePreview preview(Handle handle, RestorePlan<T> plan, Object id, RestoreOptions options) {
    Deletions.requireOptions(plan.table(), options, "RestoreOptions");
    Keys keys = Keys.of(plan.table(), plan.keyType(), java.util.Collections.singletonList(id));
    Dialect dialect = dialectOf(handle, plan);
    return Transactions.atomically(
        handle, keys, () -> new Restoration<>(handle, dialect, plan, options).preview(keys));
  }

  /**
   * Restores every deleted row of the model whose parents are live, each with the rows its own
   * delete removed; returns them.
   */
  public static <T> List<T> restoreAll(Handle handle, RestorePlan<T> plan, RestoreOptions options) {
    Deletions.requireOptions(plan.table(), options, "RestoreOptions");
    Dialect dialect = dialectOf(handle, plan);
    Transactions.requireWritable(handle, "restoreAll of " + plan.table());
    return Transactions.atomically(
        handle, plan.table(), () -> new Restoration<>(handle, dialect, plan, options).restoreEverything());
  }

  /** Restores exactly one delete operation, by its id in the journal; returns its roots, live. */
  public static <T> List<T> restoreOperation(Handle handle, RestorePlan<T> plan, String deletionId, RestoreOptions options) {
    Deletions.requireOptions(plan.table(), options, "RestoreOptions");
    Dialect dialect = dialectOf(handle, plan);
    if (deletionId == null) {
      throw new CascadeException(plan.table() + ": the deletion id is null; pass DeleteResult.deletionId() or Operation.deletionId()");
    }
    String journal =
        Journals.table(handle)
            .orElseThrow(
                () -> new CascadeException(
                    plan.table() + ": restoreOperation reads the operations journal, which is off"
                        + " (CascadeConfig.setJournalTable(null)); restore by id instead"));
    Transactions.requireWritable(handle, "restoreOperation of " + deletionId);
    return Transactions.atomically(
        handle, "operation " + deletionId,
        () -> new Restoration<>(handle, dialect, plan, options).restoreOperation(journal, deletionId));
  }

  private static Dialect dialectOf(Handle handle, RestorePlan<?> plan) {
    if (handle == null) {
      throw new CascadeException(plan.table() + ": the handle is null");
    }
    if (handle.isClosed()) {
      throw new CascadeException(plan.table() + ": the handle is closed; open a new one");
    }
    return Dialect.of(handle);
  }

  /**
   * A deleted root: its key, the marker of the delete that removed it as the database gives it (a
   * soft-delete time, or a deletion id), and the operation's time.
   */
  private record Root(Object key, Object marker, Instant time) {}

  /** One restore call. */
  private static final class Restoration<T> {
    private final Handle handle;
    private final Dialect dialect;
    private final RestorePlan<T> plan;
    private final RestoreOptions options;
    private final Events<T> events;
    /**
     * The table of the statement the restore runs now, which a unique column's refusal names
     * ({@link ValueTakenException}); the root table until the first.
     */
    private String writing;

    Restoration(Handle handle, Dialect dialect, RestorePlan<T> plan, RestoreOptions options) {
      this.handle = handle;
      this.dialect = dialect;
      this.plan = plan;
      this.options = options;
      this.writing = plan.table();
      this.events =
          new Events<>(
              handle, plan.type(), options.skipEvents(), CascadeEvent.Kind.RESTORING, CascadeEvent.Kind.RESTORED);
    }

    /** Restores exactly the requested ids; each must be soft-deleted or in the trash. */
    List<T> restoreRequested(Keys requested) {
      Deleted deleted = lookUp(requested);
      List<T> restored = new ArrayList<>();
      if (!deleted.soft().isEmpty()) {
        restored.addAll(restoreSoft(deleted.soft()));
      }
      if (!deleted.trashed().isEmpty()) {
        restored.addAll(restoreTrash(deleted.trashed()));
      }
      return restored;
    }

    /** What {@link #restoreRequested} would bring back from one source, and its first obstacle. */
    RestorePreview preview(Keys requested) {
      Deleted deleted = lookUp(requested);
      if (!deleted.soft().isEmpty()) {
        Statements sql = sql(keys(keysOf(deleted.soft())), markersOf(deleted.soft()), Map.of());
        SoftRestore soft = plan.soft().orElseThrow();
        Optional<CascadeException> blocked =
            unfinished(deleted.soft(), false)
                .or(() -> parentStillDeleted(soft.checks(), sql, sql.keys(), List.of()).map(CascadeException.class::cast));
        return new RestorePreview(DeleteStrategy.SOFT, counted(soft.counts(), sql), blocked);
      }
      TrashRestore trash = plan.trash();
      Keys ids = keys(keysOf(deleted.trashed()));
      List<Object> markers = markersOf(deleted.trashed());
      Optional<List<Operation>> operations =
          Journals.table(handle).map(journal -> operationsOf(journal, deleted.trashed(), true));
      // As the restore reads them: in a restore of whole operations, each table's copies by
      // deletion_id alone. The named roots' keys joined to a trash table that has no statistics
      // yet (no ANALYZE since the delete), PostgreSQL ran the checks for ids taken as nested loops
      // over the whole chain of trashed parents: a newcomer's kanban trial waited 116 s for a
      // preview of an 11,586-row workspace whose restore took 0.7 s.
      boolean whole = wholeOperations(trash, ids, markers, deleted.trashed().size(), operations);
      Statements sql = sql(ids, markers, Map.of(), whole);
      List<Object> taken = sql.list(trash.takenRoots(), keyMapper(), "checking " + plan.table() + " ids");
      List<Object> newKeyRoots = givenNewKeys(taken);
      Statements checking = checking(deleted.trashed(), markers, newKeyRoots, whole);
      Optional<CascadeException> blocked =
          operations.flatMap(Journals::unfinishedRefusal).map(CascadeException.class::cast)
              .or(() -> parentStillDeleted(trash.checks(), checking, ids, newKeyRoots).map(CascadeException.class::cast))
              .or(() -> rootIdTaken(taken).or(() -> descendantIdTaken(sql.keys(), sql)).map(CascadeException.class::cast));
      return new RestorePreview(DeleteStrategy.TRASH, counted(trash.counts(), sql), blocked);
    }

    /**
     * The refusal a restore of these roots meets where a batched delete that has not finished
     * removed one ({@link Journals#unfinishedRefusal}), as a preview reads it: without a lock.
     */
    private Optional<CascadeException> unfinished(List<Root> roots, boolean trash) {
      return Journals.table(handle)
          .map(journal -> operationsOf(journal, roots, trash))
          .flatMap(Journals::unfinishedRefusal)
          .map(CascadeException.class::cast);
    }

    /** The operations that deleted these roots, read without a lock: by deletion id, or by marker. */
    private List<Operation> operationsOf(String journal, List<Root> roots, boolean trash) {
      return trash
          ? Journals.withIds(handle, journal, roots.stream().map(r -> (String) r.marker()).distinct().toList())
          : Journals.withMarkers(handle, dialect, journal, roots.stream().map(Root::time).distinct().toList());
    }

    private static Map<String, Long> counted(List<Count> counts, Statements sql) {
      Map<String, Long> rows = new LinkedHashMap<>();
      for (Count count : counts) {
        rows.merge(count.table(), sql.count(count.sql(), "counting " + count.table()), Long::sum);
      }
      return rows;
    }

    /** The requested ids soft-deleted and those in the trash, in the order given; fails if any is neither. */
    private Deleted lookUp(Keys requested) {
      List<Root> soft = requested.inOrder(softDeleted(requested), Root::key);
      List<Object> remaining = minus(requested.ids(), keysOf(soft));
      List<Root> trashed = remaining.isEmpty() ? List.of() : requested.inOrder(trashed(keys(remaining)), Root::key);
      List<Object> missing = minus(remaining, keysOf(trashed));
      if (!missing.isEmpty()) {
        throw notDeleted(keys(missing));
      }
      return new Deleted(soft, trashed);
    }

    /** The requested roots, by where their rows are. */
    private record Deleted(List<Root> soft, List<Root> trashed) {}

    /** Restores every deleted row whose parents are live: soft deletes first, then the trash. */
    List<T> restoreEverything() {
      Statements none = sql(keys(List.of()));
      List<T> restored = new ArrayList<>();
      if (plan.soft().isPresent()) {
        List<Root> soft = finishedOnly(roots(none, plan.soft().get().restorable(), false, "listing soft-deleted " + plan.table()), false);
        if (!soft.isEmpty()) {
          restored.addAll(restoreSoft(soft));
        }
      }
      if (Tables.of(handle).exists(plan.trashTable())) {
        List<Root> trashed = finishedOnly(roots(none, plan.trash().restorable(), true, "listing " + plan.trashTable()), true);
        if (!trashed.isEmpty()) {
          restored.addAll(restoreTrash(trashed));
        }
      }
      return restored;
    }

    /**
     * The roots a {@code restoreAll} restores: those of deletes that finished. A batched delete
     * still running (or stopped) leaves its rows out until it finishes, as a restore of them by id
     * is refused: a long nightly batch does not block every other restore of the table meanwhile.
     */
    private List<Root> finishedOnly(List<Root> roots, boolean trash) {
      Optional<String> journal = Journals.table(handle);
      if (roots.isEmpty() || journal.isEmpty()) {
        return roots;
      }
      Set<Object> unfinished = new HashSet<>();
      operationsOf(journal.get(), roots, trash).stream()
          .filter(o -> o.state() == OperationState.DELETING)
          .forEach(o -> unfinished.add(trash ? o.deletionId() : o.deletedAt()));
      return roots.stream().filter(r -> !unfinished.contains(trash ? r.marker() : r.time())).toList();
    }

    private List<Root> roots(Statements sql, Sql query, boolean trash, String what) {
      return sql.list(query, trash ? trashedRoot() : softRoot(), what);
    }

    /** A soft-deleted root as a look-up reads it: key, marker. */
    private RowMapper<Root> softRoot() {
      return (rs, ctx) ->
          new Root(
              Columns.mapper(ctx, plan.keyType(), plan.table(), plan.keyColumn()).map(rs, 1, ctx),
              rs.getObject(2),
              Columns.mapper(ctx, Instant.class, plan.table(), "marker").map(rs, 2, ctx));
    }

    /** A trashed root as a look-up reads it: key, deletion id, trash time. */
    private RowMapper<Root> trashedRoot() {
      return (rs, ctx) ->
          new Root(
              Columns.mapper(ctx, plan.keyType(), plan.table(), plan.keyColumn()).map(rs, 1, ctx),
              rs.getString(2),
              Columns.mapper(ctx, Instant.class, plan.trashTable(), "marker").map(rs, 3, ctx));
    }

    private List<T> restoreSoft(List<Root> roots) {
      SoftRestore soft = plan.soft().orElseThrow();
      Keys ids = keys(keysOf(roots));
      Statements sql = sql(ids, markersOf(roots), Map.of());
      // The checks come before the listeners, as a delete's RESTRICT checks do: a restore they
      // refuse is not told of (a newcomer's trial saw onRestoring for a restore that then failed).
      parentStillDeleted(soft.checks(), sql, ids, List.of()).ifPresent(e -> {
        throw e;
      });
      List<T> before = events.active() ? ids.inOrder(sql.list(plan.selectRecords(), plan.rowMapper(), "loading " + plan.table()), plan::keyOf) : List.of();
      // The roots are locked before the statements that restore, so that another transaction cannot
      // trash and bring them back between them (found by a newcomer's trial on H2): it waits, or one
      // of the two fails and changes nothing. After the checks, which H2 runs far slower on a table
      // the transaction has locked rows of.
      List<Object> stillDeleted =
          sql.listLocking(soft.lookup(), plan.table(), softRoot(), "locking " + plan.table()).stream()
              .map(Root::key)
              .toList();
      if (!new HashSet<>(stillDeleted).containsAll(keysOf(roots))) {
        throw changedMeanwhile(ids, stillDeleted.size(), roots.size());
      }
      Optional<List<Operation>> held =
          Journals.table(handle).map(journal ->
              Journals.holdAgainstPurge(handle, dialect, journal, plan.table(), roots.stream().map(Root::time).distinct().toList()));
      held.ifPresent(this::refuseUnreached);
      // The listeners hear the restore once nothing can refuse it: not the checks, not the journal's
      // operations (purging, unfinished, or beyond this model's reach).
      events.fire(CascadeEvent.Kind.RESTORING, plan.table(), before, plan::keyOf, DeleteStrategy.SOFT, 0, Map.of(), Optional.empty());
      Map<String, Long> rows = new LinkedHashMap<>();
      long rootsBack = 0;
      try {
        for (RestoreStep step : soft.steps()) {
          if (!step.sql().runsOn(dialect)) {
            continue;
          }
          writing = step.table();
          long count = sql.update(step.sql(), Map.of(), step.describe());
          rows.merge(step.table(), count, Long::sum);
          rootsBack += step.root() ? count : 0;
        }
      } catch (RuntimeException e) {
        // A unique index on live rows only (an email unique where deleted_at IS NULL) refuses a row
        // whose value a live row took since the delete.
        if (SqlFailures.uniqueViolation(e)) {
          throw valueTaken(e, "or change the soft-deleted row's value");
        }
        throw e;
      }
      if (rootsBack < roots.size()) {
        throw changedMeanwhile(ids, rootsBack, roots.size());
      }
      List<T> restored = ids.inOrder(sql.list(plan.selectRecords(), plan.rowMapper(), "loading " + plan.table()), plan::keyOf);
      held.ifPresent(operations -> {
        List<Operation> read = operations.stream().filter(o -> o.state() == OperationState.DELETED).toList();
        unmarkTrashedCopies(roots, read, recordRestored(roots, false, read), rows);
      });
      events.fire(CascadeEvent.Kind.RESTORED, plan.table(), restored, plan::keyOf, DeleteStrategy.SOFT, rootsBack, rows, Optional.empty());
      return restored;
    }

    /**
     * A restore that a unique column refused: a live row of the table it was writing took the value
     * since the delete.
     */
    private ValueTakenException valueTaken(RuntimeException failure, String orFixTheRestoredRow) {
      return new ValueTakenException(
          writing,
          failure.getMessage() + "; a live row holds a value that a restored row needs to be unique: not its key"
              + " (which this restore checks), a unique column another row took since the delete, such as an"
              + " email or a slug; free the value (change or delete that row, " + orFixTheRestoredRow
              + "), then restore again; nothing was changed",
          failure);
    }

    /** A soft restore whose roots another transaction restored or deleted after it looked them up. */
    private static TransactionConflictException changedMeanwhile(Keys ids, long found, int expected) {
      return new TransactionConflictException(
          "restoring " + ids + " found " + found + " of " + expected + " rows still soft-deleted when it ran;"
              + " another transaction restored or deleted them meanwhile, so nothing was changed: retry");
    }

    private List<T> restoreTrash(List<Root> roots) {
      TrashRestore trash = plan.trash();
      Keys ids = keys(keysOf(roots));
      List<Object> markers = markersOf(roots);
      Optional<List<Operation>> operations =
          Journals.table(handle).map(journal ->
              Journals.holdAgainstPurge(handle, dialect, journal, markers.stream().map(String.class::cast).toList()));
      operations.ifPresent(this::refuseUnreached);
      boolean whole = wholeOperations(trash, ids, markers, roots.size(), operations);
      Statements sql = sql(ids, markers, Map.of(), whole);
      Map<Object, TrashRecord> info = new HashMap<>();
      roots.forEach(r -> info.put(r.key(), new TrashRecord(plan.trashTable(), plan.table(), (String) r.marker(), r.time())));
      List<Object> taken = sql.list(trash.takenRoots(), keyMapper(), "checking " + plan.table() + " ids");
      List<Object> newKeyRoots = givenNewKeys(taken);
      Statements checking = checking(roots, markers, newKeyRoots, whole);
      parentStillDeleted(trash.checks(), checking, ids, newKeyRoots).ifPresent(e -> {
        throw e;
      });
      rootIdTaken(taken).ifPresent(e -> {
        throw e;
      });
      List<T> before = events.active() ? ids.inOrder(sql.list(trash.records(), plan.rowMapper(), "loading " + plan.trashTable()), plan::keyOf) : List.of();
      fireWithTrash(CascadeEvent.Kind.RESTORING, before, info, plan::keyOf, 0, Map.of());
      // A descendant whose key another row has taken since makes its INSERT fail on the table's key;
      // only then does a query find which one, under a savepoint that undoes the copies so far (on
      // PostgreSQL the failed statement leaves nothing else runnable). Checking first would read
      // every restored row's key once more.
      CopiedBack copied;
      try {
        copied = Transactions.atomically(handle, ids, () -> copyBack(roots, sql, markers, taken, whole));
      } catch (RuntimeException e) {
        throw explained(e, ids, sql, checking, taken, newKeyRoots);
      }
      Map<String, Long> inserted = copied.inserted();
      Map<Object, Object> rekeyed = copied.rekeyed();

      List<Object> restoredKeys = new ArrayList<>();
      ids.ids().forEach(k -> restoredKeys.add(rekeyed.getOrDefault(k, k)));
      Keys back = keys(restoredKeys);
      List<T> restored = back.inOrder(sql(back).list(plan.selectRecords(), plan.rowMapper(), "loading " + plan.table()), plan::keyOf);
      operations.ifPresent(known -> recordRestored(roots, true, known));
      Map<Object, TrashRecord> infoByNewKey = new HashMap<>();
      info.forEach((key, record) -> infoByNewKey.put(rekeyed.getOrDefault(key, key), record));
      fireWithTrash(CascadeEvent.Kind.RESTORED, restored, infoByNewKey, plan::keyOf, restored.size(), inserted);
      return restored;
    }

    /**
     * Copies the roots and their rows back from the trash and empties them from it: the roots that
     * keep their keys first, then those whose keys were taken under new keys, then every statement.
     *
     * @param sql the restore's statements, with its roots' keys and markers and no new keys
     */
    private CopiedBack copyBack(List<Root> roots, Statements sql, List<Object> markers, List<Object> taken, boolean whole) {
      TrashRestore trash = plan.trash();
      Keys ids = sql.keys();
      Map<Object, Instant> rekeyedAt = new HashMap<>();
      Set<Object> takenKeys = new HashSet<>(taken);
      roots.stream().filter(r -> takenKeys.contains(r.key())).forEach(r -> rekeyedAt.put(r.key(), r.time()));
      List<RestoreStep> steps = trash.steps().stream().filter(step -> step.sql().runsOn(dialect)).toList();
      // The roots that keep their keys go back first, when their statement needs no new key: a key
      // the database generates next is then none of theirs (SQLite gives a table's highest key plus
      // one, which a root still in the trash may hold).
      List<RestoreStep> first =
          taken.isEmpty()
              ? List.of()
              : steps.stream()
                  .filter(step -> step.root() && step.kind() == RestoreStep.Kind.INSERT)
                  .filter(step -> !step.sql().text(dialect).contains(Protocol.REKEYED))
                  .toList();
      Map<Object, Object> unchanged = new LinkedHashMap<>();
      taken.forEach(key -> unchanged.put(key, key));
      Statements kept = sql(ids, markers, unchanged, rekeyedAt, whole);
      Map<String, Long> inserted = new LinkedHashMap<>();
      Map<String, Long> purged = new LinkedHashMap<>();
      // Restoring whole operations, a tree's root named below another of the same operation comes
      // back with the rows below that one, not as a root.
      long nested =
          whole && roots.size() > 1
              ? trash.nested().map(n -> sql.count(n, "counting " + plan.trashTable())).orElse(0L)
              : 0;
      long rootsBack = 0;
      for (RestoreStep step : first) {
        writing = step.table();
        long count = kept.update(step.sql(), Map.of(), step.describe());
        inserted.merge(step.table(), count, Long::sum);
        rootsBack += count;
      }

      Map<Object, Object> rekeyed = new LinkedHashMap<>();
      for (Object reused : taken) {
        Root root = roots.stream().filter(r -> r.key().equals(reused)).findFirst().orElseThrow();
        writing = plan.table();
        rekeyed.put(reused, insertUnderNewKey(sql, root));
      }
      Statements copy = sql(ids, markers, rekeyed, rekeyedAt, whole);
      for (RestoreStep step : steps) {
        if (first.contains(step) || (step.kind() == RestoreStep.Kind.FOLLOW && rekeyed.isEmpty())) {
          continue;
        }
        writing = step.table();
        long count = run(copy, whole ? wholeOperationsForm(copy, step) : step, roots.size());
        switch (step.kind()) {
          case INSERT -> {
            inserted.merge(step.table(), count, Long::sum);
            rootsBack += step.root() ? count : 0;
          }
          case PURGE -> purged.merge(step.table(), count, Long::sum);
          default -> {
            // a relink changes rows already counted; a follow, rows that stay in the trash
          }
        }
      }
      inserted.merge(plan.table(), (long) rekeyed.size(), Long::sum);
      if (rootsBack + nested + rekeyed.size() < roots.size()) {
        throw new TransactionConflictException(
            "restoring " + ids + " copied " + (rootsBack + nested + rekeyed.size()) + " of " + roots.size() + " rows back from "
                + plan.trashTable() + "; another transaction restored or deleted them meanwhile, so nothing was changed: retry");
      }
      requirePurgedAsInserted(ids, inserted, purged);
      return new CopiedBack(inserted, rekeyed);
    }

    /**
     * A step as a restore of whole operations runs it. A purge whose portable text, its {@link
     * Protocol#ONLY_NAMED} parts cut, reads the trash table alone (by {@code deletion_id}) runs that
     * text on every database. H2's own form, a {@code MERGE} over the parent rows' keys, is for
     * picking the named roots' rows: over a trashed tree's parents it misses a row the tree reached
     * below another parent (a page of another workspace under one of this workspace's pages), which
     * the operation trashed all the same. Trash tables have no foreign keys, so a purge needs no
     * order. An insert keeps its database's form, which may order a tree's rows parents first.
     */
    private static RestoreStep wholeOperationsForm(Statements copy, RestoreStep step) {
      if (step.kind() != RestoreStep.Kind.PURGE || !copy.portableReadsOneTable(step.sql())) {
        return step;
      }
      return new RestoreStep(step.kind(), step.table(), step.sql().portableEverywhere(), step.root());
    }

    /**
     * What a copy back that failed ran into, its copies undone: a column the database computes; a
     * column that takes no null and that the trash did not keep, as the record leaves it out, or
     * that holds null in the trash; or, where a query can tell, a descendant whose key another row
     * has taken since, a root another transaction brought back meanwhile, a parent another
     * transaction deleted after the restore checked it (a foreign key refused a row), or a value of
     * a unique column other than the key that another row took since.
     * Otherwise, or if the database cannot be asked, the failure itself.
     */
    private RuntimeException explained(
        RuntimeException failure, Keys ids, Statements sql, Statements checking, List<Object> taken, List<Object> newKeyRoots) {
      if (SqlFailures.computedColumn(failure)) {
        return new CascadeException(
            sentence(failure) + ". The record names a column the database computes (GENERATED ALWAYS AS ...),"
                + " which takes no value, so no restore from the trash can write it: leave it out of the record"
                + " (SchemaCheck names it); nothing was changed",
            failure);
      }
      if (SqlFailures.typeMismatch(failure)) {
        return new CascadeException(
            sentence(failure) + ". A trash table has a column of another type than its table's, which the"
                + " database does not convert back (TrashTables.ddl and script without a database guess the types"
                + " from the record's Java types): SchemaCheck names each such column, with the ALTER TABLE that"
                + " changes it; nothing was changed",
            failure);
      }
      if (SqlFailures.notNullViolation(failure)) {
        Optional<CascadeSchema.Table> named =
            SqlFailures.nullColumn(failure).flatMap(column -> tableNaming(column, SqlFailures.nullColumnTable(failure)));
        if (named.isPresent()) {
          String column = SqlFailures.nullColumn(failure).orElseThrow().toLowerCase(Locale.ROOT);
          String trash = named.get().trashTable().orElseThrow();
          return new CascadeException(
              sentence(failure) + ". The record names " + named.get().name() + "." + column + ", but rows in "
                  + trash + " hold null in it: rows trashed before the column was added to the trash table (or"
                  + " made NOT NULL), or by a build whose record did not name it, have none, and a restore copies the"
                  + " trash's null, not the column's default;"
                  + " give them a value (UPDATE " + trash + " SET " + column + " = ... WHERE " + column + " IS NULL),"
                  + " then restore again; nothing was changed",
              failure);
        }
        return new CascadeException(
            sentence(failure) + ". A trash table keeps only the columns the record names, so a column the"
                + " record leaves out comes back null: name every column of the table in its record"
                + " (SchemaCheck lists those missing), and to bring back rows trashed without it, give the column"
                + " a default first; nothing was changed",
            failure);
      }
      if (!SqlFailures.integrityViolation(failure)) {
        return failure;
      }
      try {
        Optional<IdTakenException> descendant = descendantIdTaken(ids, sql);
        if (descendant.isPresent()) {
          descendant.get().addSuppressed(failure);
          return descendant.get();
        }
        List<Object> takenSince = minus(holding(sql), taken);
        if (!takenSince.isEmpty()) {
          return new TransactionConflictException(
              "restoring " + ids + ": " + keys(takenSince) + " came back while this restore ran (another transaction"
                  + " restored it, or gave its id to a new row), so nothing was changed: retry, which finds it"
                  + " restored or its id taken",
              failure);
        }
        if (SqlFailures.foreignKeyViolation(failure)) {
          Optional<ParentStillDeletedException> parent = parentStillDeleted(plan.trash().checks(), checking, ids, newKeyRoots);
          if (parent.isPresent()) {
            parent.get().addSuppressed(failure);
            return parent.get();
          }
          Optional<String> referenced = SqlFailures.referencedTable(failure).filter(plan.trash().checks()::looksInto);
          if (referenced.isPresent()) {
            return new TransactionConflictException(
                "restoring " + ids + ": a " + referenced.get().toLowerCase(Locale.ROOT) + " row these rows point at was"
                    + " gone when this restore wrote them, though its check had found it live: another transaction"
                    + " deleted it meanwhile (and may have restored it since), so nothing was changed: retry, which"
                    + " restores them or names the row still deleted (a retry that fails the same way is no conflict:"
                    + " report it, with the model, as a bug in Cascade)",
                failure);
          }
          return new CascadeException(
              failure.getMessage() + "; the parents this restore checked were live when it checked them, so either"
                  + " another transaction deleted one meanwhile (a retry then names it), or a row inside this"
                  + " operation's tree was deleted by another operation while this one's batches were stopped or"
                  + " running, which then holds the parent (see the README's Purge and batches), or the table has a"
                  + " foreign key to a table its record does not name; nothing was changed",
              failure);
        }
        if (SqlFailures.uniqueViolation(failure)) {
          return valueTaken(failure, "or change the restored row's value in its trash table");
        }
      } catch (RuntimeException unanswered) {
        failure.addSuppressed(unanswered);
      }
      return failure;
    }

    /** The failure's message, to go on with another sentence: without its own full stop (PostgreSQL ends with one). */
    private static String sentence(RuntimeException failure) {
      String message = String.valueOf(failure.getMessage()).stripTrailing();
      return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /**
     * The table of this restore's, with a trash table, whose record names the column: the one the
     * database's message names, where it names one; else the only one that has such a column, as a
     * guess between several would name the wrong table (a newcomer's trial read {@code note.id} for
     * {@code folder.id}).
     */
    private Optional<CascadeSchema.Table> tableNaming(String column, Optional<String> table) {
      List<CascadeSchema.Table> naming = plan.schema().tables().stream()
          .filter(t -> t.trashTable().isPresent())
          .filter(t -> table.map(t.name()::equalsIgnoreCase).orElse(true))
          .filter(t -> t.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(column)))
          .toList();
      return naming.size() == 1 ? Optional.of(naming.get(0)) : Optional.empty();
    }

    /** The rows a trash restore copied back, per table, and the new keys of roots whose keys were taken. */
    private record CopiedBack(Map<String, Long> inserted, Map<Object, Object> rekeyed) {}

    /**
     * Runs a step of a trash restore. A restore that names a row of a tree and another further down
     * its subtree, trashed by one operation, without restoring that whole operation, puts the inner
     * one back as a root before the rows between them, which its foreign key needs (README,
     * "Trees"; a whole operation brings it back below them): such a failure says how to restore
     * them instead.
     */
    private static long run(Statements copy, RestoreStep step, int roots) {
      try {
        return copy.update(step.sql(), Map.of(), step.describe());
      } catch (CascadeException e) {
        if (!step.root() || roots < 2 || !SqlFailures.integrityViolation(e)) {
          throw e;
        }
        throw new CascadeException(
            e.getMessage() + "; if the call names rows inside one another's subtrees (a folder and another further"
                + " down its tree, as a destroyAll of both trashes them), restore the outermost by id instead:"
                + " restore(handle, id) brings back every row below it, the inner ones too. Nothing was changed",
            e);
      }
    }

    /**
     * Whether the call restores every root each of its operations trashed: then every row those
     * operations trashed comes back, and each statement finds a table's rows by {@code
     * deletion_id} alone ({@link Protocol#ONLY_NAMED}), a plan that needs no statistics.
     *
     * <p>Only for operations of this table, as the journal records them: a row trashed with
     * another table's operation (a post trashed with its user) is not one of that operation's
     * roots, and the operation trashed rows (the user's likes) that are not below it. Without the
     * journal, or for an operation it does not know, the statements pick the named roots' rows.
     */
    private boolean wholeOperations(
        TrashRestore trash, Keys ids, List<Object> markers, int roots, Optional<List<Operation>> operations) {
      if (markers.size() > Placeholders.MARKERS_BOUND_UP_TO || operations.isEmpty()) {
        return false;
      }
      List<Operation> known = operations.get();
      if (known.size() != markers.size() || known.stream().anyMatch(o -> !o.table().equals(plan.table()))) {
        return false;
      }
      return sql(ids, markers, Map.of(), false).count(trash.scope(), "counting " + plan.trashTable()) == roots;
    }

    /**
     * Restores exactly the operation the journal knows by this id: the roots it deleted that are
     * still deleted by it, with their cascades.
     */
    List<T> restoreOperation(String journal, String deletionId) {
      Operation operation =
          Journals.find(handle, journal, deletionId)
              .orElseThrow(() -> notRestorable(deletionId, OperationNotRestorableException.Reason.UNKNOWN,
                  "the journal " + journal + " has no operation " + deletionId + " (a delete that removed nothing,"
                      + " deletedCount() 0, records none; nor does one made with the journal off, or rolled back)"));
      if (!operation.table().equals(plan.table())) {
        throw notRestorable(deletionId, OperationNotRestorableException.Reason.OTHER_TABLE,
            "it deleted rows of " + operation.table() + ", not " + plan.table() + "; restore it with the restorer of "
                + operation.table());
      }
      switch (operation.state()) {
        case RESTORED -> throw notRestorable(deletionId, OperationNotRestorableException.Reason.RESTORED,
            "it was restored " + operation.restoredAt().map(Object::toString).orElse("already"));
        case PURGED -> throw notRestorable(deletionId, OperationNotRestorableException.Reason.PURGED,
            "it was purged " + operation.purgedAt().map(Object::toString).orElse("already") + "; its rows are gone");
        case PURGING -> throw notRestorable(deletionId, OperationNotRestorableException.Reason.PURGED,
            "a purge began " + operation.purgedAt().map(Object::toString).orElse("") + " to remove its rows for good,"
                + " in batches, and may have removed some already; that purge finishes it (the next one, if it stopped)");
        case DELETING -> throw notRestorable(deletionId, OperationNotRestorableException.Reason.UNFINISHED,
            "it is a batched delete that has not finished; call destroyInBatches for " + operation.table() + " "
                + operation.ids() + " again to finish it, then restore it");
        case DELETED -> { }
      }
      if (operation.strategy() == DeleteStrategy.PERMANENT) {
        throw notRestorable(deletionId, OperationNotRestorableException.Reason.PERMANENT,
            "it deleted its rows PERMANENTLY, which cannot be undone");
      }
      KeyType type = KeyType.of(plan.keyType());
      Keys ids = keys(operation.ids().stream().map(type::parse).toList());
      boolean trash = operation.strategy() == DeleteStrategy.TRASH;
      List<Root> roots = trash ? trashed(ids) : softDeleted(ids);
      List<Root> own =
          ids.inOrder(roots, Root::key).stream()
              .filter(r -> trash ? deletionId.equals(r.marker()) : operation.deletedAt().equals(r.time()))
              .toList();
      if (own.isEmpty()) {
        List<String> later = trash ? roots.stream().map(this::heldBy).toList() : List.of();
        List<String> trashedSince = trash ? List.of() : trashedSince(ids);
        if (!trash && !roots.isEmpty()) {
          List<Instant> unknown =
              Journals.unknownMarkers(handle, dialect, journal, plan.table(), roots.stream().map(Root::time).distinct().toList());
          if (!unknown.isEmpty()) {
            throw notRestorable(deletionId, OperationNotRestorableException.Reason.CHANGED,
                ForeignMarkers.explain(plan.table(), keysOf(roots), unknown, operation.deletedAt()));
          }
        }
        if (!trashedSince.isEmpty()) {
          throw notRestorable(deletionId, OperationNotRestorableException.Reason.CHANGED,
              "none of its " + plan.table() + " " + operation.ids() + " is still deleted by it: they are in the trash"
                  + " since, taken along by a later operation (" + String.join(", ", trashedSince) + ", such as a"
                  + " parent's trash): restore that operation first, which brings them back soft-deleted by this one,"
                  + " and then this one");
        }
        throw notRestorable(deletionId, OperationNotRestorableException.Reason.CHANGED,
            "none of its " + plan.table() + " " + operation.ids() + " is still deleted by it: "
                + (later.isEmpty()
                    ? "they were restored or deleted again since, one by one, or removed for good with a parent"
                        + " (a PERMANENT delete, or the purge of a parent's delete)"
                    : "the latest deletes of those ids are other operations' (" + String.join(", ", later) + "): its rows"
                        + " were restored and deleted again since, or their ids were taken by rows deleted since;"
                        + " restore those operations first, and this one then comes back"
                        + (plan.trash().insertWithNewKey().isPresent()
                            ? ", under new keys where its ids are taken"
                            : " where its ids are free (a " + plan.keyType().getSimpleName() + " key gets no new key:"
                                + " free the id, deleting or re-keying the row that holds it)")));
      }
      return trash ? restoreTrash(own) : restoreSoft(own);
    }

    /** Which of these soft-deleted roots a later trash took along, and by which operation. */
    private List<String> trashedSince(Keys ids) {
      return trashed(ids).stream().map(this::heldBy).toList();
    }

    /**
     * Refuses, before any change, an operation of this table with rows this build's model does not
     * reach ({@link Unreached}): restored by it, they would stay deleted while the journal called
     * the operation restored.
     */
    private void refuseUnreached(List<Operation> operations) {
      operations.stream()
          .filter(o -> o.state() == OperationState.DELETED && o.table().equals(plan.table()))
          .flatMap(o -> Unreached.of(plan.schema(), o).stream())
          .findFirst()
          .ifPresent(unreached -> {
            throw notRestorable(
                unreached.operation().deletionId(), OperationNotRestorableException.Reason.MODEL_CHANGED,
                unreached.explain("restore") + "; nothing was changed");
          });
    }

    /** {@code posts 7 by operation 0b5e...}: a root in the trash and the operation whose copy it is. */
    private String heldBy(Root root) {
      return plan.table() + " " + root.key() + " by operation " + root.marker();
    }

    private OperationNotRestorableException notRestorable(
        String deletionId, OperationNotRestorableException.Reason reason, String why) {
      return new OperationNotRestorableException(deletionId, reason, "cannot restore operation " + deletionId + ": " + why);
    }

    /**
     * With the journal on: marks the operations these roots came from (as the journal read them
     * before the restore) as restored, each once every root it deleted is back (a restore may bring
     * back some roots of a {@code destroyAll} only).
     *
     * @return the deletion ids of the operations it marked restored
     */
    private List<String> recordRestored(List<Root> roots, boolean trash, List<Operation> read) {
      String journal = Journals.table(handle).orElseThrow();
      // A trashed root may have gone with another table's operation (a post trashed with its user):
      // bringing it back on its own gives that operation none of its roots back.
      List<Operation> operations = read.stream().filter(o -> o.table().equals(plan.table())).toList();
      // A root is back for the operation whose copy of it came back: when an id was trashed twice, a
      // restore of its later copy leaves the earlier operation's copy, and that operation, deleted.
      KeyType type = KeyType.of(plan.keyType());
      // Looked up by mark, not compared pairwise: a restore of 100,000 roots, or of as many
      // operations, spent 20 s in such comparisons.
      Map<Object, Set<String>> backByMark = new HashMap<>();
      roots.forEach(r -> backByMark.computeIfAbsent(mark(r, trash), m -> new HashSet<>()).add(String.valueOf(r.key())));
      List<Object> pending = new ArrayList<>();
      for (Operation operation : operations) {
        Set<String> back = backByMark.getOrDefault(mark(operation, trash), Set.of());
        operation.ids().stream().filter(id -> !back.contains(id)).map(type::parse).forEach(pending::add);
      }
      List<Root> stillDeleted =
          pending.isEmpty()
              ? List.of()
              : trash
                  ? roots(sql(keys(pending)), plan.trash().lookup(), true, "looking up " + plan.trashTable())
                  : roots(sql(keys(pending)), plan.soft().orElseThrow().lookup(), false, "looking up " + plan.table());
      Set<Object> stillMarked = new HashSet<>();
      stillDeleted.forEach(r -> stillMarked.add(mark(r, trash)));
      List<String> complete =
          operations.stream()
              .filter(o -> o.state() == OperationState.DELETED)
              .filter(o -> !stillMarked.contains(mark(o, trash)))
              .map(Operation::deletionId)
              .toList();
      if (!complete.isEmpty()) {
        Journals.restored(handle, dialect, journal, complete, handle.getConfig(CascadeConfig.class).getClock().instant());
      }
      return complete;
    }

    /**
     * Rows a soft delete marked that another operation trashed since (a post soft-deleted with its
     * user, then trashed on its own): once the soft delete is restored whole, their copies in the
     * trash table lose its marker, so that undoing the trash brings them back live, as it would had
     * it been undone first, not hidden under an operation that is restored (a newcomer's trial
     * found such rows after two instances deleted and undid at random). The trash's restore checks
     * their parents as for any row that comes back live. Only for a table where those operations
     * marked rows, and, when every root of this restore is theirs, where it unmarked fewer rows than
     * they marked, so a restore that found every row runs no more statements (the marker has no
     * index). Beside roots of other operations the count says nothing (their rows are in it: the
     * model-based run found a like kept hidden so), and the update runs. Rows in the table itself
     * that this restore did not reach are left alone: clearing them too, once tried, brought back
     * live likes under comments another transaction had deleted (the MariaDB concurrency run).
     */
    private void unmarkTrashedCopies(List<Root> roots, List<Operation> read, List<String> complete, Map<String, Long> unmarked) {
      Set<String> restoredWhole = new HashSet<>(complete);
      List<Operation> whole = read.stream().filter(o -> restoredWhole.contains(o.deletionId())).toList();
      Set<Object> wholeMarks = new HashSet<>();
      whole.forEach(o -> wholeMarks.add(mark(o, false)));
      List<Object> markers =
          roots.stream().filter(r -> wholeMarks.contains(mark(r, false))).map(Root::time).distinct()
              .map(Object.class::cast).toList();
      if (markers.isEmpty() || markers.size() > Placeholders.MARKERS_BOUND_UP_TO) {
        return;
      }
      boolean othersToo = roots.stream().anyMatch(r -> !wholeMarks.contains(mark(r, false)));
      Tables tables = Tables.of(handle);
      Statements sql = sql(keys(List.of()), markers, Map.of());
      for (CascadeSchema.Table table : plan.schema().tables()) {
        long marked = whole.stream().mapToLong(o -> o.rowsByTable().getOrDefault(table.name(), 0L)).sum();
        boolean allFound = !othersToo && unmarked.getOrDefault(table.name(), 0L) >= marked;
        if (table.softDeleteColumn().isEmpty() || marked == 0 || allFound) {
          continue;
        }
        String column = plan.schema().quote(table.softDeleteColumn().get(), dialect);
        Optional<String> trash = table.trashTable().filter(tables::exists);
        if (trash.isPresent()) {
          trashedParentStillDeleted(table.name(), sql, tables, roots).ifPresent(e -> {
            throw e;
          });
          sql.update(
              Sql.of("UPDATE " + plan.schema().quote(trash.get(), dialect) + " SET " + column + " = NULL WHERE " + column
                  + " IN (" + Protocol.MARKERS + ")"),
              Map.of(), "unmarking the rows of " + table.name() + " that " + trash.get() + " holds");
        }
      }
    }

    /**
     * The first trash copy of this table that the restore is about to take its marker off whose
     * parent the same trash holds soft-deleted by another operation, as the failure that changes
     * nothing: undoing that trash would bring it back live under that parent, so the parent must
     * come back first (found by the concurrency run).
     */
    private Optional<ParentStillDeletedException> trashedParentStillDeleted(
        String table, Statements sql, Tables tables, List<Root> roots) {
      for (SoftRestore.TrashedCheck trashed : plan.soft().orElseThrow().trashedChecks()) {
        Check check = trashed.check();
        if (!check.table().equals(table) || !tables.exists(trashed.parentTrash())) {
          continue;
        }
        Optional<Object> parent = sql.first(check.sql(), "checking parents of " + table + " in the trash");
        if (parent.isPresent()) {
          String relation = check.table() + "." + check.column() + " -> " + check.parent();
          Optional<String> trashedBy = ParentHold.of(handle, dialect, plan.schema(), check.parent(), parent.get()).holder();
          return Optional.of(new ParentStillDeletedException(
              check.table(), check.column(), check.parent(), parent.get(), trashedBy,
              "cannot restore " + keys(keysOf(roots)) + ": rows of " + check.table() + " deleted with it were"
                  + " trashed since with " + check.parent() + " " + parent.get() + ", which that trash holds soft-deleted by"
                  + " another delete (" + relation + "): undoing the trash would bring them back live under it. Restore that "
                  + check.parent() + " row first (from the trash"
                  + trashedBy.map(id -> ", operation " + id + ": restoreOperation(handle, \"" + id + "\")").orElse("")
                  + ", then from its soft delete), then this; nothing was changed"));
        }
      }
      return Optional.empty();
    }

    /**
     * What ties a root to the operation that deleted it: the operation's id in a trash copy's
     * marker, its time in a soft-deleted row's. A root was deleted by an operation when the two
     * marks are equal.
     */
    private static Object mark(Operation operation, boolean trash) {
      return trash ? operation.deletionId() : operation.deletedAt();
    }

    private static Object mark(Root root, boolean trash) {
      return trash ? root.marker() : root.time();
    }

    /**
     * The first descendant coming back whose key another row has taken since, as the failure that
     * changes nothing.
     */
    private Optional<IdTakenException> descendantIdTaken(Keys ids, Statements sql) {
      return plan.trash().taken().first(sql, "checking ids").map(found ->
          new IdTakenException(
              found.check().table(), found.value(),
              "cannot restore " + ids + ": " + found.check().table() + " " + found.value()
                  + ", deleted with it, has its id taken by another row since, so nothing was changed;"
                  + " free that id (delete or re-key the row that holds it) and restore again"));
    }

    /**
     * The failure, changing nothing, of roots whose ids another row has taken: with {@link
     * IdConflict#FAIL}, or with a key the database does not generate, which {@link
     * IdConflict#ASSIGN_NEW} cannot replace.
     */
    private Optional<IdTakenException> rootIdTaken(List<Object> taken) {
      if (taken.isEmpty()
          || (options.onIdConflict() != IdConflict.FAIL && plan.trash().insertWithNewKey().isPresent())) {
        return Optional.empty();
      }
      return Optional.of(rootIdTakenFailure(taken));
    }

    private IdTakenException rootIdTakenFailure(List<Object> taken) {
      String cannot =
          "cannot restore " + keys(taken) + ": another row has taken its id since it was deleted, so nothing was"
              + " changed; ";
      if (plan.trash().insertWithNewKey().isPresent()) {
        return new IdTakenException(
            plan.table(),
            taken.get(0),
            cannot + "restore with IdConflict.ASSIGN_NEW to give it a new key, or free the id (delete or re-key the row"
                + " that holds it) and restore again");
      }
      return new IdTakenException(
          plan.table(),
          taken.get(0),
          cannot + plan.table() + "." + plan.keyColumn() + " is a " + plan.keyType().getSimpleName() + " key, not a key"
              + " the database generates for IdConflict.ASSIGN_NEW (even where the column has a default): free the id (delete or re-key the row that holds it) and restore again"
              + (plan.keyType() == java.util.UUID.class
                  ? " (a random UUID is taken again only by code that reuses it, such as an import or an upsert of the"
                      + " same row)"
                  : ""));
    }

    /** Every table must lose from the trash exactly the rows it got back. */
    private void requirePurgedAsInserted(Keys ids, Map<String, Long> inserted, Map<String, Long> purged) {
      for (Map.Entry<String, Long> entry : inserted.entrySet()) {
        long out = purged.getOrDefault(entry.getKey(), 0L);
        if (out != entry.getValue()) {
          throw new CascadeException(
              "restoring " + ids + " copied " + entry.getValue() + " rows of " + entry.getKey() + " back but found " + out
                  + " in the trash, so nothing was changed: either the trash changed while the restore ran (retry), or"
                  + " the new key the database gave a restored row is the key of another row being restored (SQLite"
                  + " reuses the highest keys of tables without AUTOINCREMENT): restore with IdConflict.FAIL, or free"
                  + " the key");
        }
      }
    }

    /** Restores a root whose key was taken under a key the database generates, and returns it. */
    private Object insertUnderNewKey(Statements sql, Root root) {
      Sql insert = plan.trash().insertWithNewKey().orElseThrow();
      Map<String, Object> values = new HashMap<>();
      values.put(Protocol.REUSED_KEY, new Statements.Typed(root.key(), plan.keyType()));
      values.put(Protocol.REUSED_MARKER, root.marker());
      try {
        return sql.insertReturningKey(
            insert, values, plan.keyColumn(), plan.keyType(),
            "restoring " + plan.table() + " " + root.key() + " under a new key");
      } catch (CascadeException e) {
        if (SqlFailures.nullColumn(e).filter(plan.keyColumn()::equalsIgnoreCase).isPresent()) {
          throw new IdTakenException(
              plan.table(), root.key(),
              "cannot restore " + plan.table() + " " + root.key() + ": another row has taken its key, and "
                  + plan.table() + "." + plan.keyColumn() + " has no default or identity to give it a new one (the"
                  + " application assigns its keys, as Hibernate does from a sequence it reads itself): restore with"
                  + " IdConflict.FAIL and decide which row keeps the key, or give the column a default from the"
                  + " sequence that hands out its keys (on PostgreSQL: ALTER TABLE " + plan.table() + " ALTER COLUMN "
                  + plan.keyColumn() + " SET DEFAULT nextval('...'), Hibernate's being " + plan.table() + "_seq by"
                  + " default); nothing was changed");
        }
        throw new CascadeException(
            "cannot restore " + plan.table() + " " + root.key() + " under a new key: another row has taken its key, and"
                + " the database did not give it a new " + plan.table() + "." + plan.keyColumn() + ": either the column"
                + " has no default or identity, or its sequence handed out a key another row holds (rows inserted with"
                + " explicit keys; retry, or move the sequence past the highest key); restore with IdConflict.FAIL, or"
                + " free the key. "
                + e.getMessage(),
            e);
      }
    }

    private void fireWithTrash(
        CascadeEvent.Kind kind,
        List<T> records,
        Map<Object, TrashRecord> info,
        Function<T, Object> keyOf,
        long count,
        Map<String, Long> rows) {
      for (T record : records) {
        events.fire(
            kind, plan.table(), List.of(record), keyOf, DeleteStrategy.TRASH, count, rows,
            Optional.ofNullable(info.get(keyOf.apply(record))));
      }
    }

    /**
     * The roots whose keys another row has taken that come back under new keys: none where the
     * restore fails on them instead ({@link #rootIdTaken}).
     */
    private List<Object> givenNewKeys(List<Object> taken) {
      return rootIdTaken(taken).isEmpty() ? taken : List.of();
    }

    /**
     * The statements that check a trash restore's parents. A root that comes back under a new key
     * ({@code newKeyRoots}) is named as re-keyed to none: the rows that will point at it then find no
     * live parent under its old key (the row that took it is not theirs), and count on the root
     * coming back, as it comes back (soft-deleted, or live).
     */
    private Statements checking(List<Root> roots, List<Object> markers, List<Object> newKeyRoots, boolean whole) {
      Map<Object, Object> toNone = new LinkedHashMap<>();
      Map<Object, Instant> rekeyedAt = new HashMap<>();
      Set<Object> rekeyedKeys = new HashSet<>(newKeyRoots);
      roots.stream().filter(r -> rekeyedKeys.contains(r.key())).forEach(r -> {
        toNone.put(r.key(), null);
        rekeyedAt.put(r.key(), r.time());
      });
      return sql(keys(keysOf(roots)), markers, toNone, rekeyedAt, whole);
    }

    /**
     * The failure, naming the parent that is still deleted, of any row a check selects; {@code
     * rekeyed} the roots that come back under new keys ({@link #givenNewKeys}).
     */
    private Optional<ParentStillDeletedException> parentStillDeleted(
        Checks checks, Statements sql, Keys ids, List<Object> newKeyRoots) {
      return checks.first(sql, "checking parents").map(found -> {
        Check check = found.check();
        String relation = check.table() + "." + check.column() + " -> " + check.parent();
        boolean one = ids.ids().size() == 1;
        String whose =
            check.table().equals(plan.table())
                ? (one ? "its parent" : "the parent of one of them,")
                : "rows of " + check.table() + " deleted with " + (one ? "it" : "them") + " belong to";
        // As the database reads it back: SQLite gives a small long key as an Integer.
        Object parentKey = Keys.comparable(found.value());
        boolean newKey =
            check.parent().equals(plan.table()) && newKeyRoots.stream().map(Keys::comparable).anyMatch(parentKey::equals);
        String state =
            newKey
                ? ", which comes back with them under a new key (another row holds " + found.value() + " now) but"
                    + " soft-deleted, by another delete, while they come back live"
                : ", which is still deleted";
        // Under a new key, the row that holds the old one now is another: what holds it says nothing.
        ParentHold hold = newKey ? new ParentHold.Unknown() : ParentHold.of(handle, dialect, plan.schema(), check.parent(), found.value());
        return new ParentStillDeletedException(
            check.table(), check.column(), check.parent(), found.value(),
            hold.holder(),
            "cannot restore " + ids + ": " + whose + " " + check.parent() + " " + found.value()
                + state + " (" + relation + "); " + whatToDo(check.parent(), hold)
                + (checks == plan.trash().checks() ? joinRowsGone(check, found.value()) : ""));
      });
    }

    /** What a refused restore's caller can do about a parent still deleted, by what holds it. */
    private static String whatToDo(String parent, ParentHold hold) {
      if (hold instanceof ParentHold.Held held) {
        return held.operation()
            .map(o -> "operation " + o.deletionId() + " deleted it (" + o.strategy() + " of " + o.table() + " " + o.ids()
                + " at " + o.deletedAt() + "): restore that operation first, with the " + o.table() + " restorer's"
                + " restoreOperation(handle, \"" + o.deletionId() + "\") (where it deleted this too, that brings both back)")
            .orElse("restore that " + parent + " row first: the trash holds it from operation " + held.deletionId()
                + " (restore it by its key with the " + parent + " restorer; the journal is off, so there is no"
                + " restoreOperation)");
      }
      if (hold instanceof ParentHold.Gone) {
        return "that " + parent + " row is gone for good (neither soft-deleted in " + parent + " nor in its trash: deleted"
            + " PERMANENTLY, purged, or by hand), so this cannot come back under it";
      }
      return "restore that " + parent + " row first (if it was deleted PERMANENTLY or purged, it cannot come back, and"
          + " neither can this), or, where the same delete took both (a destroyAll of several), restore that delete"
          + " whole with restoreOperation(handle, deletionId) or restoreAll(handle)";
    }

    /**
     * Rows of a table without a key (a join table) trashed with the operation, whose other parent
     * was deleted for good since, would hold the restore forever: on a live row that parent's delete
     * would have removed them (a newcomer's trial: a project trashed with its labels' join rows, a
     * label purged since). Where the check is on such a table, the failure says how to let the rest
     * come back.
     */
    private String joinRowsGone(Check check, Object parentKey) {
      Optional<String> trash =
          plan.schema().cascadeTable(check.table()).filter(t -> t.key().isEmpty()).flatMap(CascadeSchema.Table::trashTable);
      if (trash.isEmpty() || check.table().equals(plan.table())) {
        return "";
      }
      String value = parentKey instanceof Number ? String.valueOf(parentKey) : "'" + parentKey + "'";
      return "; " + check.table() + " has no key (a join table): if that " + check.parent() + " row is gone for good,"
          + " its rows there can never come back, and removing them from the trash lets the rest restore"
          + " (DELETE FROM " + trash.get() + " WHERE " + check.column() + " = " + value + ")";
    }

    /**
     * Which of the restore's keys rows of the table hold now, soft-deleted or not: a root another
     * transaction brought back after this restore checked its key (and maybe soft-deleted again,
     * or gave to a new row). A locking read sees such a row where a snapshot would not (MySQL's and
     * MariaDB's REPEATABLE READ).
     */
    private List<Object> holding(Statements sql) {
      String table = plan.schema().quote(plan.table(), dialect);
      String key = plan.schema().quote(plan.keyColumn(), dialect);
      Sql held = Sql.of("SELECT " + key + " FROM " + table + " WHERE " + key + " IN (" + Protocol.IDS + ")");
      return sql.listLocking(held, plan.table(), keyMapper(), "checking " + plan.table() + " ids");
    }

    /** Which of these keys are rows of the table that exist and are not deleted. */
    private List<Object> live(Keys keys) {
      return sql(keys).list(plan.liveIds(), keyMapper(), "looking up " + plan.table());
    }

    /**
     * Why these keys are neither soft-deleted nor in the trash: live; or deleted after all, where
     * another transaction moved them from one to the other between this call's two looks (at READ
     * COMMITTED each statement sees the latest commit: a newcomer's trial met it while an
     * organization was trashed and restored), a conflict to retry; or gone.
     */
    private CascadeException notDeleted(Keys missing) {
      List<Object> live = live(missing);
      if (!live.isEmpty()) {
        return new NotDeletedException(
            plan.table(), live, "cannot restore " + keys(live) + ": it is not deleted" + batchUnderWay(live));
      }
      List<Object> moved = deletedNow(missing);
      if (!moved.isEmpty()) {
        return new TransactionConflictException(
            "cannot restore " + keys(moved) + ": another transaction moved it between the soft-deleted rows and "
                + plan.trashTable() + " while this restore looked for it, so " + SqlFailures.NOTHING_CHANGED + ": retry");
      }
      Optional<String> gone = goneForGood(missing);
      if (gone.isPresent()) {
        return new NotDeletedException(plan.table(), missing.ids(), "cannot restore " + missing + ": " + gone.get());
      }
      if (!Tables.of(handle).exists(plan.trashTable())) {
        return new NotDeletedException(
            plan.table(), missing.ids(),
            "cannot restore " + missing + ": it is not soft-deleted, and this connection sees no trash table "
                + plan.trashTable() + " (if you trash " + plan.table() + ", check that the table exists where this"
                + " connection looks, such as PostgreSQL's search path)");
      }
      return new NotDeletedException(
          plan.table(), missing.ids(),
          "cannot restore " + missing + ": it is neither soft-deleted nor in " + plan.trashTable()
              + "; rows deleted PERMANENTLY, or purged from the trash, cannot be restored");
    }

    /**
     * What the journal says took these roots for good, where it did: a {@code PERMANENT} delete, or
     * a purge of the soft or trash delete that took them (trial 26, told after its grace period's
     * purge that the connection saw no trash table, went looking for a missing table). Empty where
     * the journal is off or knows no such operation of exactly these roots.
     */
    private Optional<String> goneForGood(Keys missing) {
      Optional<String> journal = Journals.table(handle);
      if (journal.isEmpty()) {
        return Optional.empty();
      }
      return Journals.latest(handle, journal.get(), plan.table(), missing.ids()).flatMap(operation -> {
        String deleted = "operation " + operation.deletionId() + " deleted it (" + operation.strategy() + " at "
            + operation.deletedAt() + ")";
        return switch (operation.state()) {
          case PURGED -> Optional.of(deleted + ", and a purge removed it for good"
              + operation.purgedAt().map(at -> " at " + at).orElse("") + "; purged rows cannot be restored");
          case PURGING -> Optional.of(
              deleted + ", and a purge has begun removing it for good; purged rows cannot be restored");
          case DELETED -> operation.strategy() == DeleteStrategy.PERMANENT
              ? Optional.of(deleted + "; rows deleted PERMANENTLY cannot be restored")
              : Optional.empty();
          case DELETING, RESTORED -> Optional.empty();
        };
      });
    }

    /**
     * Where a batched delete of one of these live rows began and has not finished (its root goes
     * last), what to do: finish it first (a newcomer's trial was told only "it is not deleted").
     */
    private String batchUnderWay(List<Object> live) {
      Optional<String> journal = Journals.table(handle);
      if (journal.isEmpty()) {
        return "";
      }
      for (Object id : live) {
        Optional<Operation> unfinished = Journals.unfinished(handle, journal.get(), plan.table(), List.of(id));
        if (unfinished.isPresent()) {
          Operation operation = unfinished.get();
          return " yet: its batched delete (operation " + operation.deletionId() + ", begun " + operation.deletedAt()
              + ") has not finished, and removes " + keys(List.of(id)) + " last; call destroyInBatches for it again to"
              + " finish it, then restore it";
        }
      }
      return "";
    }

    /** Which of these keys are soft-deleted or in the trash now, looked up again. */
    private List<Object> deletedNow(Keys keys) {
      List<Object> found = new ArrayList<>(keysOf(softDeleted(keys)));
      found.addAll(keysOf(trashed(keys)));
      return found;
    }

    /** These keys' roots that are soft-deleted, each with its marker; none where the model has no soft delete. */
    private List<Root> softDeleted(Keys keys) {
      return plan.soft().isPresent()
          ? roots(sql(keys), plan.soft().get().lookup(), false, "looking up " + plan.table())
          : List.of();
    }

    /** These keys' roots in the trash, each with the delete that put it there last; none without a trash table. */
    private List<Root> trashed(Keys keys) {
      return Tables.of(handle).exists(plan.trashTable())
          ? roots(sql(keys), plan.trash().lookup(), true, "looking up " + plan.trashTable())
          : List.of();
    }

    private RowMapper<Object> keyMapper() {
      return (rs, ctx) -> Columns.mapper(ctx, plan.keyType(), plan.table(), plan.keyColumn()).map(rs, 1, ctx);
    }

    private Statements sql(Keys keys) {
      return sql(keys, List.of(), Map.of());
    }

    private Statements sql(Keys keys, List<Object> markers, Map<Object, Object> rekeyed) {
      return sql(keys, markers, rekeyed, Map.of(), false);
    }

    private Statements sql(Keys keys, List<Object> markers, Map<Object, Object> rekeyed, boolean wholeOperations) {
      return sql(keys, markers, rekeyed, Map.of(), wholeOperations);
    }

    private Statements sql(
        Keys keys, List<Object> markers, Map<Object, Object> rekeyed, Map<Object, Instant> rekeyedAt, boolean wholeOperations) {
      return new Statements(
          handle, dialect, plan.schema(),
          Placeholders.of(dialect, keys, markers, rekeyed, rekeyedAt, plan.keyType(), wholeOperations));
    }

    private Keys keys(Collection<?> ids) {
      return Keys.of(plan.table(), ids);
    }

    private static List<Object> keysOf(List<Root> roots) {
      return roots.stream().map(Root::key).toList();
    }

    private static List<Object> markersOf(List<Root> roots) {
      return new ArrayList<>(new LinkedHashSet<>(roots.stream().map(Root::marker).toList()));
    }

    private static List<Object> minus(List<Object> all, Collection<Object> taken) {
      Set<Object> out = new LinkedHashSet<>(all);
      out.removeAll(new HashSet<>(taken));
      return new ArrayList<>(out);
    }
  }
}
