package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The marker of one delete: the time it writes into {@code deleted_at} (soft) or the trash time
 * column (trash), which a restore uses to tell this operation's rows from every other's. It is
 * taken at the coarsest step of the columns the operation writes (a {@code DATETIME} column keeps
 * whole seconds), outside the hour a daylight-saving fall-back repeats in the JVM's zone, after
 * every marker this runtime gave, and, with the journal on, claimed in the
 * journal's unique {@code marker} column, so that no other operation of any runtime has it.
 */
final class Markers {
  /** Claims give up after this many markers taken by others: something else is wrong then. */
  private static final int ATTEMPTS = 10_000;

  private Markers() {}

  /**
   * Takes the operation's marker and, with the journal on, records the operation under it.
   *
   * @return the marker
   */
  static Instant claim(Handle handle, Dialect dialect, CascadeSchema schema, DeleteStrategy strategy, Journals.Start start) {
    CascadeConfig config = handle.getConfig(CascadeConfig.class);
    TimeStep step = step(handle, dialect, schema, strategy);
    OperationClock clock = OperationClock.of(handle);
    Instant marker = clock.next(config.getClock(), step, ZoneId.systemDefault());
    Optional<String> journal = config.getJournalTable();
    if (journal.isEmpty()) {
      return marker;
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (Journals.claim(handle, dialect, journal.get(), start.at(marker))) {
        return marker;
      }
      clock.taken(marker);
      marker = step.after(marker);
    }
    throw new CascadeException(
        "deleting " + start.table() + ": " + ATTEMPTS + " markers in a row were taken in " + journal.get()
            + "; is the clock far behind the markers recorded there?");
  }

  /**
   * The coarsest step of the time columns the strategy writes: the soft-delete columns of a soft
   * delete, the trash time columns of a trash delete; never finer than a microsecond.
   */
  static TimeStep step(Handle handle, Dialect dialect, CascadeSchema schema, DeleteStrategy strategy) {
    TimeStep step = dialect == Dialect.SQLITE ? TimeStep.MILLIS : TimeStep.MICROS;
    for (CascadeSchema.Table table : schema.tables()) {
      if (table.trashTable().isEmpty()) {
        continue;
      }
      if (strategy == DeleteStrategy.SOFT && table.softDeleteColumn().isPresent()) {
        step = step.coarser(TimeSteps.of(handle, dialect, table.name(), table.softDeleteColumn().get()));
      }
      if (strategy == DeleteStrategy.TRASH) {
        step = step.coarser(TimeSteps.of(handle, dialect, table.trashTable().get(), table.trashTimeColumn()));
      }
    }
    return step;
  }
}
