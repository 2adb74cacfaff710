package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeEvent;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.TrashRecord;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Runs a generated deleter's {@code destroyInBatches}: one row's cascade, too big for one
 * transaction, deleted with the statements of {@code destroy} limited to a batch of rows each and
 * committed batch by batch, deepest rows first, the row itself last.
 *
 * <p>A first transaction checks the {@code RESTRICT} relations, tells the {@code deleting}
 * listeners, and records the operation in the journal as {@link OperationState#DELETING} under its
 * marker; the batches follow, each updating the journal's counts; a last transaction deletes the
 * row itself, marks the operation {@code DELETED} and tells the {@code deleted} listeners. A call
 * for a row whose batched delete stopped midway finds that operation in the journal and finishes
 * it under the same marker and deletion id, so that a restore of it is as exact as after {@code
 * destroy}; its listeners hear {@code deleting} once, from the first call.
 */
public final class Batches {
  private Batches() {}

  /** Deletes the row with this id and its cascade, batch by batch. */
  public static <T> BatchResult destroy(Handle handle, DeletePlan<T> plan, Object id, BatchOptions options) {
    Deletions.requireOptions(plan.table(), options, "BatchOptions");
    Dialect dialect = Deletions.dialectOf(handle, plan);
    Keys keys = Keys.of(plan.table(), Collections.singletonList(id));
    Transactions.requireNone(
        handle, "destroyInBatches of " + keys, " (or use destroy, which joins the caller's transaction)");
    Transactions.requireWritable(handle, "destroyInBatches of " + keys);
    DeleteStrategy strategy = Deletions.resolve(handle, plan, options.strategy());
    Strategy statements = Deletions.statementsFor(plan, strategy);
    CascadeConfig config = handle.getConfig(CascadeConfig.class);
    Optional<String> journal = config.getJournalTable();
    if (journal.isEmpty() && strategy != DeleteStrategy.PERMANENT) {
      throw new CascadeException(
          "destroyInBatches of " + keys + " with " + strategy + " needs the operations journal, which is off"
              + " (CascadeConfig.setJournalTable(null)): a call that finishes an interrupted one finds its marker there,"
              + " so that one restore brings back all of it. Turn the journal on, or delete in one transaction with destroy");
    }
    Statements sql = new Statements(handle, dialect, plan.schema(), Placeholders.of(dialect, keys));
    Events<T> events = new Events<>(handle, plan.type(), false, CascadeEvent.Kind.DELETING, CascadeEvent.Kind.DELETED);

    Begun begun =
        Transactions.atomically(handle, keys, () -> begin(handle, dialect, plan, keys, strategy, statements, sql, events, journal, options));
    Map<String, Object> values =
        Map.of(Protocol.DELETED_AT, begun.marker(), Protocol.DELETION_ID_PARAMETER, begun.deletionId());
    BatchRunner runner = new BatchRunner(handle, options.progress(), begun.rows());
    runner.run(
        sql,
        values,
        BatchPlan.of(statements, plan, dialect, options.batchSize(), false),
        rows -> journal.ifPresent(j -> Journals.progress(handle, j, begun.deletionId(), rows, false)));

    long last = System.nanoTime();
    BatchResult result =
        runner.inTransaction(keys, () -> {
          RestrictChecks.run(statements, sql, keys);
          List<T> roots = events.active() ? sql.list(plan.selectRoots(), plan.rowMapper(), "loading " + plan.table()) : List.of();
          Map<String, Long> rows = new LinkedHashMap<>(runner.rows());
          Map<String, Long> copied = new LinkedHashMap<>();
          Map<String, Long> rootRows = new LinkedHashMap<>();
          for (DeleteStep step : statements.steps()) {
            if (step.root() && step.sql().runsOn(dialect)) {
              long count = sql.update(step.sql(), values, step.describe());
              (step.kind() == DeleteStep.Kind.COPY ? copied : rootRows).merge(step.table(), count, Long::sum);
            }
          }
          if (strategy == DeleteStrategy.TRASH) {
            Deletions.requireCopiedAsDeleted(keys, copied, rootRows);
          }
          long deleted = rootRows.values().stream().mapToLong(Long::longValue).sum();
          rootRows.forEach((table, count) -> rows.merge(table, count, Long::sum));
          journal.ifPresent(j -> Journals.progress(handle, j, begun.deletionId(), rows, true));
          events.fire(
              CascadeEvent.Kind.DELETED, plan.table(), roots, plan::keyOf, strategy, deleted, rows, trash(plan, strategy, begun));
          return new BatchResult(
              strategy, deleted, rows, runner.nullified(), begun.deletionId(), runner.batches() + 1, begun.resumed());
        });
    runner.committed(plan.table(), result.deletedCount(), last);
    if (strategy == DeleteStrategy.TRASH) {
      TrashStatistics.refresh(handle, dialect, plan.schema(), result.rowsByTable());
    }
    return result;
  }

  /** What the first transaction found or began: the operation, and what it removed so far. */
  private record Begun(String deletionId, Instant marker, Map<String, Long> rows, boolean resumed) {}

  /**
   * Finishes the operation an earlier call began for the same row, or begins one: checks, {@code
   * deleting} listeners, and the journal's row under a new marker.
   */
  private static <T> Begun begin(
      Handle handle,
      Dialect dialect,
      DeletePlan<T> plan,
      Keys keys,
      DeleteStrategy strategy,
      Strategy statements,
      Statements sql,
      Events<T> events,
      Optional<String> journal,
      BatchOptions options) {
    Optional<Operation> unfinished = journal.flatMap(j -> Journals.unfinished(handle, j, plan.table(), keys.ids()));
    if (unfinished.isPresent() && unfinished.get().strategy() != strategy) {
      Operation operation = unfinished.get();
      throw new CascadeException(
          "destroyInBatches of " + keys + " with " + strategy + ": a batched " + operation.strategy() + " delete of it"
              + " (operation " + operation.deletionId() + ", begun " + operation.deletedAt() + ") has not finished;"
              + " finish it first with the same strategy, " + operation.strategy());
    }
    RestrictChecks.run(statements, sql, keys);
    if (unfinished.isPresent()) {
      Operation operation = unfinished.get();
      return new Begun(operation.deletionId(), operation.deletedAt(), operation.rowsByTable(), true);
    }
    List<T> roots = events.active() ? sql.list(plan.selectRoots(), plan.rowMapper(), "loading " + plan.table()) : List.of();
    CascadeConfig config = handle.getConfig(CascadeConfig.class);
    String deletionId = UUID.randomUUID().toString();
    Instant marker =
        Markers.claim(
            handle, dialect, plan.schema(), strategy,
            new Journals.Start(
                deletionId, plan.table(), keys.ids(), strategy, null, options.actor().orElseGet(config.getActorSupplier()),
                options.reason().orElse(null),
                OperationState.DELETING));
    Begun begun = new Begun(deletionId, marker, Map.of(), false);
    events.fire(CascadeEvent.Kind.DELETING, plan.table(), roots, plan::keyOf, strategy, 0, Map.of(), trash(plan, strategy, begun));
    return begun;
  }

  private static Optional<TrashRecord> trash(DeletePlan<?> plan, DeleteStrategy strategy, Begun begun) {
    return strategy == DeleteStrategy.TRASH
        ? Optional.of(new TrashRecord(plan.trashTable(), plan.table(), begun.deletionId(), begun.marker()))
        : Optional.empty();
  }
}
