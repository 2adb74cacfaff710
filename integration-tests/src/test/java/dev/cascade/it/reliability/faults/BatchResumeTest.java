package dev.cascade.it.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.ForumOracle;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Batched deletes and purges stopped at each statement in turn (a SQL error, or on PostgreSQL the
 * connection killed), then called again: the second call finishes what the first began, and the
 * end is the end one uninterrupted call gives, down to the row, with one operation in the journal
 * and an exact restore. A stop between batches is among these: the first statement of each batch.
 */
class BatchResumeTest {
  private static final BatchOptions TWO = BatchOptions.defaults().withBatchSize(2);

  @AllDatabases
  void aBatchedDeleteStoppedAtEachStatementIsFinishedByTheNextCall(TestDatabase db) {
    Forum.createWithTrash(db);
    for (DeleteStrategy strategy : DeleteStrategy.values()) {
      int stops = stopAtEachStatement(db, strategy, (handle, n) -> new FaultAt(n));
      assertThat(stops).as("%s on %s", strategy, db).isGreaterThan(10);
    }
  }

  @Test
  void aBatchedDeleteWhoseConnectionIsKilledAtEachStatementOnPostgresIsFinishedByTheNextCall() {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL);
        Handle killer = db.jdbi().open()) {
      Forum.createWithTrash(db);
      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        stopAtEachStatement(db, strategy, (handle, n) -> new KillConnectionAt(n, killer, backend(handle)));
      }
    }
  }

  /** Stops a batched delete of a fresh tree at statement 1, 2, ... until it runs through; the stops. */
  private static int stopAtEachStatement(TestDatabase db, DeleteStrategy strategy, BiFunction<Handle, Integer, FaultAt> faultAt) {
    BatchOptions options = TWO.withStrategy(strategy);
    for (int n = 1; ; n++) {
      long user = db.jdbi().withHandle(BatchResumeTest::tree);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      AtomicReference<BatchResult> ran = new AtomicReference<>();
      boolean stopped = stop(db, faultAt, n, h -> ran.getAndSet(UserDeleter.destroyInBatches(h, user, options)));
      boolean begun = unfinished(db, user);
      BatchResult result = stopped ? db.jdbi().withHandle(h -> UserDeleter.destroyInBatches(h, user, options)) : ran.get();

      String at = strategy + " stopped at statement " + n + " on " + db;
      assertThat(result.resumed()).as(at).isEqualTo(begun);
      assertEndsAsOneCall(db, strategy, user, before, result, at);
      if (!stopped) {
        return n - 1;
      }
    }
  }

  /**
   * Runs {@code call} on a handle that fails at its {@code n}th statement; whether it stopped there
   * (else it ran through, and this undoes nothing).
   */
  private static boolean stop(TestDatabase db, BiFunction<Handle, Integer, FaultAt> faultAt, int n, Function<Handle, ?> call) {
    Handle handle = db.jdbi().open();
    FaultAt fault = faultAt.apply(handle, n);
    handle.addCustomizer(fault);
    try {
      call.apply(handle);
      assertThat(fault.fired()).as("ran on after statement %d failed", n).isFalse();
      return false;
    } catch (CascadeException e) {
      if (!fault.fired()) {
        fail("failed before any fault: " + e.getMessage(), e);
      }
      return true;
    } finally {
      try {
        handle.close();
      } catch (RuntimeException killed) {
        // The connection is gone already.
      }
    }
  }

  /** Whether a stopped call left its operation unfinished in the journal: then the next call finishes it. */
  private static boolean unfinished(TestDatabase db, long user) {
    return db.jdbi().withHandle(h -> Journal.recent(h, 1000)).stream()
        .anyMatch(o -> o.ids().equals(List.of(String.valueOf(user))) && o.state() == OperationState.DELETING);
  }

  /** The tree's rows are deleted as by one call, under one operation; soft and trash come back exactly. */
  private static void assertEndsAsOneCall(
      TestDatabase db, DeleteStrategy strategy, long user, Snapshot before, BatchResult result, String at) {
    Snapshot after = db.snapshot(Forum.TABLES_WITH_TRASH);
    ForumOracle oracle =
        strategy == DeleteStrategy.SOFT ? ForumOracle.softDeleting(before, List.of(user)) : ForumOracle.deleting(before, List.of(user));
    List<Operation> operations = db.jdbi().withHandle(h -> Journal.recent(h, 1000)).stream()
        .filter(o -> o.ids().equals(List.of(String.valueOf(user))))
        .toList();
    assertThat(operations).as(at).hasSize(1);
    assertThat(operations.get(0).state()).as(at).isEqualTo(OperationState.DELETED);
    assertThat(operations.get(0).deletionId()).as(at).isEqualTo(result.deletionId());
    Map<String, Long> removed = new LinkedHashMap<>(oracle.rowsByTable());
    removed.values().removeIf(count -> count == 0);
    assertThat(result.rowsByTable()).as(at).containsExactlyEntriesOf(removed);
    switch (strategy) {
      case PERMANENT -> assertThat(after).as(at).isEqualTo(oracle.afterPermanentDelete());
      case SOFT -> {
        Object marker = after.rows("users").stream().filter(r -> r.get("id").equals(user)).findFirst().orElseThrow()
            .get("deleted_at");
        assertThat(after).as(at).isEqualTo(oracle.afterSoftDelete(marker));
      }
      case TRASH -> {
        Snapshot expected = oracle.afterPermanentDelete();
        for (String table : Forum.TABLES) {
          assertThat(after.rows(table)).as("%s: %s", at, table).isEqualTo(expected.rows(table));
        }
        oracle.rowsByTable().forEach((table, rows) ->
            assertThat(after.rows(table + "_trash").stream().filter(r -> result.deletionId().equals(r.get("deletion_id"))))
                .as("%s: %s_trash", at, table)
                .hasSize(rows.intValue()));
      }
    }
    if (strategy != DeleteStrategy.PERMANENT) {
      db.jdbi().useHandle(h -> UserRestorer.restore(h, user));
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).as("%s, restored", at).isEqualTo(before);
    }
  }

  @AllDatabases
  void aPurgeStoppedAtEachStatementIsFinishedByTheNextPurge(TestDatabase db) {
    Forum.createWithTrash(db);
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-01-01T00:00:00Z"));
    Clock clock = new Clock() {
      @Override
      public Instant instant() {
        return now.get();
      }

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    };
    db.jdbi().getConfig(CascadeConfig.class).setClock(clock);
    PurgeOptions purge = PurgeOptions.olderThan(Duration.ofDays(30)).withBatchSize(2);
    for (int n = 1; ; n++) {
      long trashed = db.jdbi().withHandle(BatchResumeTest::tree);
      long softened = db.jdbi().withHandle(BatchResumeTest::tree);
      List<DeleteResult> deletes = db.jdbi().withHandle(h -> List.of(
          UserDeleter.destroy(h, trashed, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH)),
          UserDeleter.destroy(h, softened, DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT))));
      now.set(now.get().plus(Duration.ofDays(31)));
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      Set<Object> purgedIds = Set.of(deletes.get(0).deletionId());
      Snapshot expected = ForumOracle.deleting(before, List.of(softened)).afterPermanentDelete();
      for (String table : Forum.TABLES_WITH_TRASH) {
        if (table.endsWith("_trash")) {
          expected = expected.without(table, r -> purgedIds.contains(r.get("deletion_id")));
        }
      }

      boolean stopped = stop(db, (h, at) -> new FaultAt(at), n, h -> UserDeleter.purge(h, purge));
      PurgeResult finished = db.jdbi().withHandle(h -> UserDeleter.purge(h, purge));

      String at = "purge stopped at statement " + n + " on " + db;
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).as(at).isEqualTo(expected);
      assertThat(deletes).allSatisfy(d -> assertThat(
              db.jdbi().withHandle(h -> Journal.find(h, d.deletionId())).orElseThrow().state())
          .as(at).isEqualTo(OperationState.PURGED));
      if (!stopped) {
        assertThat(finished.operations()).as("nothing left for the second purge").isZero();
        assertThat(n).as("statements of a purge on %s", db).isGreaterThan(10);
        return;
      }
      now.set(now.get().plus(Duration.ofDays(1)));
    }
  }

  /** A new user with two posts, two comments each by a reader, a like on each by the reader. */
  private static long tree(Handle handle) {
    Forum forum = Forum.on(handle);
    long reader = forum.user("reader");
    return forum.tree("author", 2, 2, 1, reader, reader);
  }

  private static int backend(Handle handle) {
    return handle.select("SELECT pg_backend_pid()").mapTo(Integer.class).one();
  }
}
