package dev.cascade.it.reliability.model;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.reliability.ForumFlavour;
import dev.cascade.runtime.IdConflict;
import java.util.List;

/**
 * One step of a generated sequence. Rows are chosen by position among the ids a table has ever
 * had (present, trashed, and one that never existed), so that a step stays meaningful while
 * jqwik shrinks the sequence around it.
 */
sealed interface Action {
  /** {@code destroy} of one id, or {@code destroyAll} of several (repeats included). */
  record Destroy(String table, List<Integer> picks, boolean all, DeleteStrategy strategy, boolean descendants)
      implements Action {}

  record Restore(String table, int pick, IdConflict onConflict) implements Action {}

  record RestoreAll(String table, IdConflict onConflict) implements Action {}

  /**
   * {@code restoreOperation} of one delete of the sequence, the {@code pick}th newest (or, past the
   * last, an id the journal does not know), by the id its {@code DeleteResult} gave or as {@code
   * Journal.recent} lists it; with the restorer of its own table, or of another one.
   */
  record RestoreOperation(int pick, boolean fromJournal, boolean otherTable, IdConflict onConflict) implements Action {}

  /**
   * {@code destroyInBatches} of one row of the table (one that exists; under SOFT one not
   * soft-deleted yet), on the test's handle, which is in no transaction; {@code batchSize} rows a
   * statement. When {@code stopped}, its progress callback throws after the first batch of a table
   * below the row, and the same call again finishes it.
   */
  record DestroyInBatches(String table, int pick, DeleteStrategy strategy, int batchSize, boolean stopped)
      implements Action {}

  /** Moves the runtime's clock ({@code CascadeConfig.setClock}) and the model's on by whole days. */
  record AdvanceClock(int days) implements Action {}

  /** {@code XDeleter.purge(olderThan(days))} of the table's operations, {@code batchSize} rows a statement. */
  record Purge(String table, int days, int batchSize) implements Action {}

  /** Inserts a new row under the id of a trashed row, so that restoring it meets a conflict. */
  record ReuseId(String table, int pick) implements Action {}

  /** The ids a pick chooses from: every id the table has had, and one no row has had. */
  static List<Object> candidates(ForumFlavour flavour, ForumState state, String table) {
    List<Object> known = state.knownIds(table);
    return java.util.stream.Stream.concat(known.stream(), java.util.stream.Stream.of(flavour.absentKey(known))).toList();
  }

  /**
   * For a restore: the trashed ids another row has taken first (the richest case: a new key, or a
   * refusal), then the other deleted ids (soft-deleted, then trashed), then the rest.
   */
  static List<Object> restoreCandidates(ForumFlavour flavour, ForumState state, String table) {
    List<Object> all = candidates(flavour, state, table);
    java.util.function.Predicate<Object> taken = id -> state.trashedIds(table).contains(id) && state.row(table, id).isPresent();
    java.util.function.Predicate<Object> deleted =
        id -> state.row(table, id).map(r -> !ForumState.live(r)).orElse(false) || state.trashedIds(table).contains(id);
    return java.util.stream.Stream.of(
            all.stream().filter(taken),
            all.stream().filter(deleted.and(taken.negate())),
            all.stream().filter(deleted.negate()))
        .flatMap(s -> s)
        .toList();
  }

  static Object choose(List<Object> candidates, int pick) {
    return candidates.get(Math.floorMod(pick, candidates.size()));
  }
}
