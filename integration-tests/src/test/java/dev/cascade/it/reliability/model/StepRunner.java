package dev.cascade.it.reliability.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.MovingClock;
import dev.cascade.it.reliability.ForumFlavour;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.IdConflict;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Runs one {@link Action} on the database and on the reference model, and checks that both agree:
 * the same success or failure, the same counts, every row of every table alike, and the journal's
 * operations in the same states.
 */
final class StepRunner {
  /** The tables whose restorers a step may call. */
  private static final List<String> RESTORERS = List.of("users", "posts", "comments", "likes");

  /** The tables whose ids a step may reuse, in the order a reuse looks for a free one. */
  private static final List<String> REUSABLE = List.of("users", "posts", "comments");

  /** The ids a step took, as {@code table id}: each is taken at most once (see {@link #freeIds}). */
  private final java.util.Set<String> taken = new java.util.HashSet<>();

  /**
   * The live rows under a deleted parent that the test itself made, by a delete {@code
   * withDescendants(false)} or its own insert, as {@link ReferenceModel#liveUnderDeleted} names
   * them: a restore may bring such a row back as it was; no call may make another.
   */
  private final Set<String> allowedOrphans = new java.util.HashSet<>();

  private final ForumFlavour flavour;
  private final TestDatabase database;
  private final Handle handle;
  private final RunFigures figures;
  private final MovingClock clock;
  private ForumState state;
  private int reused;

  /** @param clock the runtime's clock on this handle, at the start of the model's day 0 */
  StepRunner(
      ForumFlavour flavour, TestDatabase database, Handle handle, MovingClock clock, ForumState state, RunFigures figures) {
    this.flavour = flavour;
    this.clock = clock;
    this.database = database;
    this.handle = handle;
    this.state = state;
    this.figures = figures;
  }

  void run(Action action) {
    figures.step();
    if (action instanceof Action.ReuseId reuse) {
      reuseId(reuse);
      return;
    }
    if (action instanceof Action.AdvanceClock advance) {
      clock.pass(Duration.ofDays(advance.days()));
      state.pass(advance.days());
      return;
    }
    String step = action.toString();
    Outcome expected;
    Supplier<Object> call;
    if (action instanceof Action.Destroy destroy) {
      List<Object> candidates = Action.candidates(flavour, state, destroy.table());
      List<Object> ids = destroy.picks().stream().map(p -> Action.choose(candidates, p)).toList();
      DeleteOptions options =
          DeleteOptions.defaults().withStrategy(destroy.strategy()).withDescendants(destroy.descendants());
      List<Object> requested = destroy.all() ? ids : ids.subList(0, 1);
      step += " on ids " + requested;
      expected = ReferenceModel.destroy(state, destroy.table(), requested, destroy.strategy(), destroy.descendants());
      call =
          destroy.all()
              ? () -> flavour.destroyAll(handle, destroy.table(), requested, options)
              : () -> flavour.destroy(handle, destroy.table(), requested.get(0), options);
    } else if (action instanceof Action.DestroyInBatches batches) {
      boolean soft = batches.strategy() == DeleteStrategy.SOFT;
      List<Object> rows =
          state.rows(batches.table()).stream().filter(r -> !soft || ForumState.live(r)).map(r -> r.get("id"))
              .sorted(ForumFlavour.KEY_ORDER).toList();
      if (rows.isEmpty()) {
        return;
      }
      Object id = Action.choose(rows, batches.pick());
      step += " on id " + id;
      expected = ReferenceModel.destroy(state, batches.table(), List.of(id), batches.strategy(), true);
      BatchOptions options = BatchOptions.defaults().withStrategy(batches.strategy()).withBatchSize(batches.batchSize());
      String described = step;
      call = () -> inBatches(described, batches.table(), id, options, batches.stopped());
    } else if (action instanceof Action.Purge purge) {
      step += " on day " + state.day();
      expected = ReferenceModel.purge(state, purge.table(), purge.days());
      if (expected == null) {
        return;
      }
      PurgeOptions options = PurgeOptions.olderThan(Duration.ofDays(purge.days())).withBatchSize(purge.batchSize());
      call = () -> flavour.purge(handle, purge.table(), options);
    } else if (action instanceof Action.Restore restore) {
      Object id = Action.choose(Action.restoreCandidates(flavour, state, restore.table()), restore.pick());
      step += " on id " + id;
      expected = ReferenceModel.restore(state, restore.table(), id, modelled(restore.onConflict()));
      RestoreOptions options = RestoreOptions.defaults().withOnIdConflict(restore.onConflict());
      call = () -> flavour.restore(handle, restore.table(), id, options);
    } else if (action instanceof Action.RestoreOperation operation) {
      List<JournalEntry> newestFirst = new ArrayList<>(state.journal());
      Collections.reverse(newestFirst);
      int index = Math.floorMod(operation.pick(), newestFirst.size() + 1);
      String deletionId;
      String table;
      if (index == newestFirst.size()) {
        deletionId = "no such operation";
        table = RESTORERS.get(Math.floorMod(operation.pick(), RESTORERS.size()));
      } else {
        JournalEntry entry = newestFirst.get(index);
        deletionId = operation.fromJournal() ? Journal.recent(handle, index + 1).get(index).deletionId() : entry.deletionId();
        assertThat(deletionId).as("Journal.recent's operation %s, newest first", index).isEqualTo(entry.deletionId());
        table =
            operation.otherTable()
                ? RESTORERS.get((RESTORERS.indexOf(entry.table()) + 1) % RESTORERS.size())
                : entry.table();
      }
      step += " of " + deletionId + " with the restorer of " + table;
      expected = ReferenceModel.restoreOperation(state, table, deletionId, modelled(operation.onConflict()));
      RestoreOptions options = RestoreOptions.defaults().withOnIdConflict(operation.onConflict());
      call = () -> flavour.restoreOperation(handle, table, deletionId, options);
    } else {
      Action.RestoreAll all = (Action.RestoreAll) action;
      expected = ReferenceModel.restoreAll(state, all.table(), modelled(all.onConflict()));
      RestoreOptions options = RestoreOptions.defaults().withOnIdConflict(all.onConflict());
      call = () -> flavour.restoreAll(handle, all.table(), options);
    }
    check(step, expected, call, action instanceof Action.Destroy destroy && !destroy.descendants());
  }

  /**
   * What the model expects of an id conflict: where the database does not generate keys, {@code
   * ASSIGN_NEW} cannot give a root a new one and must fail as {@code FAIL} does, changing nothing.
   */
  private IdConflict modelled(IdConflict onConflict) {
    return flavour.generatesKeys() ? onConflict : IdConflict.FAIL;
  }

  /** @param mayLeaveOrphans whether the step is a delete {@code withDescendants(false)}, which may leave live rows under deleted ones */
  private void check(String step, Outcome expected, Supplier<Object> call, boolean mayLeaveOrphans) {
    Object result;
    try {
      result = call.get();
    } catch (CascadeException e) {
      if (expected instanceof Outcome.Succeeds) {
        throw new AssertionError(step + " failed, but the model expected it to succeed", e);
      }
      figures.refused();
      Reconciler.check(flavour, state, snapshot(), step + " (refused)");
      return;
    }
    if (expected instanceof Outcome.Fails fails) {
      fail(step + " succeeded with " + result + ", but the model expected it to fail: " + fails.reason());
    }
    Outcome.Succeeds succeeds = (Outcome.Succeeds) expected;
    if (succeeds.after().allValues().stream().anyMatch(Fresh.Key.class::isInstance)) {
      figures.newKey();
    }
    String deletionId = null;
    if (result instanceof DeleteResult deleted) {
      deletionId = deleted.deletedCount() > 0 ? deleted.deletionId() : null;
      counts(step, succeeds, deleted.deletedCount(), deleted.rowsByTable());
    } else if (result instanceof BatchResult batched) {
      deletionId = batched.deletedCount() > 0 ? batched.deletionId() : null;
      counts(step, succeeds, batched.deletedCount(), batched.rowsByTable());
      figures.batched(batched.resumed());
    } else if (result instanceof PurgeResult purged) {
      counts(step, succeeds, purged.operations(), purged.rowsByTable());
      figures.purged(purged.operations());
    }
    if (deletionId != null) {
      succeeds.after().named(deletionId);
    }
    Reconciler.check(flavour, succeeds.after(), snapshot(), step);
    Set<String> orphans = ReferenceModel.liveUnderDeleted(succeeds.after());
    if (mayLeaveOrphans) {
      allowedOrphans.addAll(orphans);
    } else {
      Set<String> left = new TreeSet<>(orphans);
      left.removeAll(allowedOrphans);
      assertThat(left).as("live rows under a deleted parent that %s left, in the database as in the model", step).isEmpty();
    }
    if (deletionId != null) {
      JournalEntry entry = succeeds.after().operation(deletionId).orElseThrow();
      if (entry.strategy() == DeleteStrategy.TRASH && entry.marker() != null) {
        assertThat(entry.marker()).as("deletion_id in the trash after %s", step).isEqualTo(deletionId);
      }
    }
    state = succeeds.after();
  }

  /** Thrown by a progress callback to stop a batched delete between batches. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super("stopped between batches by the test", null, false, false);
    }
  }

  /**
   * {@code destroyInBatches}; when {@code stop}, stopped by its progress callback after the first
   * batch of a table below the row, then called again, which must finish that operation ({@code
   * resumed()}). A row with nothing below it is deleted by the first call, not resumed.
   */
  private BatchResult inBatches(String step, String table, Object id, BatchOptions options, boolean stop) {
    boolean stopped = false;
    if (stop) {
      String root = flavour.table(table);
      try {
        BatchResult whole = flavour.destroyInBatches(handle, table, id, options.withProgress(p -> {
          if (!p.table().equals(root)) {
            throw new Stop();
          }
        }));
        assertThat(whole.resumed()).as("resumed() of %s, not stopped", step).isFalse();
        return whole;
      } catch (RuntimeException e) {
        if (!stoppedByTest(e)) {
          throw e;
        }
        stopped = true;
      }
    }
    BatchResult result = flavour.destroyInBatches(handle, table, id, options);
    assertThat(result.resumed()).as("resumed() of %s", step).isEqualTo(stopped);
    return result;
  }

  private static boolean stoppedByTest(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Stop) {
        return true;
      }
    }
    return false;
  }

  /** The count a call reports (roots deleted, or operations purged) and its rows per table, as the model expects. */
  private void counts(String step, Outcome.Succeeds succeeds, long count, Map<String, Long> rowsByTable) {
    assertThat(count).as("count of %s", step).isEqualTo(succeeds.deletedCount());
    Map<String, Long> reported = new LinkedHashMap<>();
    rowsByTable.forEach((table, n) -> {
      if (n != 0) {
        reported.put(flavour.forumTable(table), n);
      }
    });
    assertThat(reported).as("rowsByTable of %s", step).isEqualTo(new HashMap<>(succeeds.rowsByTable()));
  }

  private Snapshot snapshot() {
    List<String> tables = new ArrayList<>(flavour.tablesWithTrash());
    tables.add(ForumShape.JOURNAL);
    return database.snapshot(tables);
  }

  /**
   * Trashed ids of the table that no row holds and that no step has taken before: the README
   * ("Restore", reused ids) leaves open what a restore gives a row whose parent's key changed hands
   * more than once, so an id is taken at most once.
   */
  private List<Object> freeIds(String table) {
    return state.trashedIds(table).stream()
        .filter(id -> state.row(table, id).isEmpty() && !taken.contains(table + " " + id))
        .sorted(ForumFlavour.KEY_ORDER)
        .toList();
  }

  /**
   * Inserts a row under a trashed row's id, in the database and in the model: of the table the step
   * names or, when it has none free, of the next that has; nothing when none has.
   */
  private void reuseId(Action.ReuseId reuse) {
    int first = REUSABLE.indexOf(reuse.table());
    String table = reuse.table();
    List<Object> free = List.of();
    for (int i = 0; i < REUSABLE.size() && free.isEmpty(); i++) {
      table = REUSABLE.get((first + i) % REUSABLE.size());
      free = freeIds(table);
    }
    if (free.isEmpty()) {
      return;
    }
    Object id = Action.choose(free, reuse.pick());
    taken.add(table + " " + id);
    String text = "r" + ++reused;
    Map<String, Object> row = new HashMap<>();
    row.put("id", id);
    row.put(ForumShape.TEXT.get(table), text);
    row.put("deleted_at", null);
    for (ForumShape.Relation relation : ForumShape.parentsOf(table)) {
      List<Map<String, Object>> parents = state.rows(relation.parent());
      if (parents.isEmpty()) {
        return;
      }
      row.put(relation.column(), parents.stream().map(r -> r.get("id")).min(ForumFlavour.KEY_ORDER).orElseThrow());
    }
    var insert = handle.createUpdate(
        "INSERT INTO " + flavour.table(table) + " (" + String.join(", ", row.keySet()) + ") VALUES (:"
            + String.join(", :", row.keySet()) + ")");
    row.forEach((column, value) -> {
      if (value == null) {
        insert.bindByType(column, null, java.time.Instant.class);
      } else {
        insert.bind(column, value);
      }
    });
    insert.execute();
    state.rows(table).add(state.identify(row));
    allowedOrphans.addAll(ReferenceModel.liveUnderDeleted(state));
  }
}
