package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.Progress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Runs statements cut into batches ({@link BatchPlan}), each batch in a transaction of its own,
 * each statement again and again until it changes no row, and counts what they changed. A failure
 * undoes the batch it happened in; the batches before stay committed.
 */
final class BatchRunner {
  private final Handle handle;
  private final Consumer<Progress> progress;
  private final Map<String, Long> rows;
  private final Map<String, Long> nullified = new LinkedHashMap<>();
  private long changed;
  private long batches;

  /** @param rows rows already removed or marked by the operation, when a call finishes another's */
  BatchRunner(Handle handle, Consumer<Progress> progress, Map<String, Long> rows) {
    this.handle = handle;
    this.progress = progress;
    this.rows = new LinkedHashMap<>(rows);
  }

  /**
   * Runs each group's statements batch by batch, each until it changes no row; a group of several
   * (one tree's) by turns, until a whole turn changes no row. {@code inBatch} runs last in each
   * batch's transaction, with the rows removed or marked so far, this batch's included.
   *
   * @param values the bind parameters of every statement: the operation's marker and id
   */
  void run(Statements sql, Map<String, Object> values, List<List<BatchStatement>> groups, Consumer<Map<String, Long>> inBatch) {
    for (List<BatchStatement> group : groups) {
      boolean again = true;
      while (again) {
        again = false;
        for (BatchStatement statement : group) {
          while (batch(sql, values, statement, inBatch)) {
            again = group.size() > 1;
          }
        }
      }
    }
  }

  /**
   * One batch of one statement, in a transaction of its own; whether the statement may have more to
   * change: it changed rows, or picked rows it could not change ({@link BatchStatement#countsPicked}).
   */
  private boolean batch(Statements sql, Map<String, Object> values, BatchStatement statement, Consumer<Map<String, Long>> inBatch) {
    long start = System.nanoTime();
    Batch batch =
        inTransaction(sql.keys(), () -> {
          Batch done = refusedExplained(sql, statement, () -> change(sql, values, statement));
          long n = done.changed();
          if (n > 0 && statement.kind() != DeleteStep.Kind.NULLIFY && statement.kind() != DeleteStep.Kind.UNLINK) {
            Map<String, Long> after = new LinkedHashMap<>(rows);
            after.merge(statement.table(), n, Long::sum);
            inBatch.accept(after);
          }
          return done;
        });
    long count = batch.changed();
    if (count > 0) {
      if (statement.kind() != DeleteStep.Kind.UNLINK) {
        counted(statement.table(), statement.kind() == DeleteStep.Kind.NULLIFY, count);
      }
      committed(statement.table(), count, start);
    }
    return count > 0 || batch.picked() > 0;
  }

  /**
   * A batch that a foreign key refused says why, as {@code destroy} does: a table the model does
   * not name (which the next call meets again), or rows another transaction added.
   */
  private static Batch refusedExplained(Statements sql, BatchStatement statement, Supplier<Batch> batch) {
    try {
      return batch.get();
    } catch (CascadeException e) {
      if (statement.kind() == DeleteStep.Kind.DELETE && SqlFailures.foreignKeyViolation(e)) {
        throw Deletions.refused(sql.schema(), statement.table(), e, true);
      }
      throw e;
    }
  }

  /** What one batch did: the rows it changed, and the rows it picked (as many where not counted apart). */
  private record Batch(long changed, long picked) {}

  /**
   * Runs work in a transaction of its own; {@code subject} names what it works on, for messages. A
   * failure says which batches stay committed.
   */
  <R> R inTransaction(Object subject, Supplier<R> work) {
    try {
      return Transactions.atomically(handle, subject, work);
    } catch (CascadeException e) {
      throw SqlFailures.afterBatches(e, batches);
    }
  }

  /** Counts rows of {@code table} removed or marked, or unlinked. */
  void counted(String table, boolean unlinked, long count) {
    if (count > 0) {
      (unlinked ? nullified : rows).merge(table, count, Long::sum);
    }
  }

  /** Tells progress of a batch that changed {@code count} rows of {@code table}, begun at {@code start} (nanoseconds). */
  void committed(String table, long count, long start) {
    changed += count;
    batches++;
    progress.accept(new Progress(table, count, changed, batches, Duration.ofNanos(System.nanoTime() - start)));
  }

  /**
   * One batch of one statement: on H2, the pick of its rows first; for the trash, the copy, then
   * the delete of exactly the rows copied.
   */
  private static Batch change(Statements sql, Map<String, Object> values, BatchStatement statement) {
    if (statement.countsPicked()) {
      List<Long> counts = sql.numbers(Sql.of(statement.change()), values, statement.what());
      return new Batch(counts.get(0), counts.get(1));
    }
    Map<String, Object> bound = values;
    if (statement.pick().isPresent()) {
      List<Long> picked =
          sql.list(Sql.of(statement.pick().get()), (rs, ctx) -> rs.getLong(1), statement.what() + ", picking a batch");
      if (picked.isEmpty()) {
        return new Batch(0, 0);
      }
      bound = new HashMap<>(values);
      // Distinct: H2 may find a row twice through an IN over a subquery with repeated values, and a
      // MERGE refuses to meet a row twice.
      bound.put(Limit.ROWS, picked.stream().distinct().toArray(Long[]::new));
    }
    Map<String, Object> batch = bound;
    long copied =
        statement.copy().map(copy -> (long) sql.update(Sql.of(copy), batch, statement.what() + ", copying")).orElse(-1L);
    long count = sql.update(Sql.of(statement.change()), batch, statement.what());
    if (copied >= 0 && copied != count) {
      throw new CascadeException(
          statement.what() + " for " + sql.keys() + " copied " + copied + " rows into the trash but deleted " + count
              + "; the table changed while the batch ran, so the batch was undone: call again to go on");
    }
    return new Batch(count, count);
  }

  Map<String, Long> rows() {
    return rows;
  }

  Map<String, Long> nullified() {
    return nullified;
  }

  long batches() {
    return batches;
  }
}
