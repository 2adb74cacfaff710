package dev.cascade.it.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.reliability.ForumFlavour;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeEvent;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeListener;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Breaks every operation of {@link FaultForum} in every way we can think of: a SQL error at each
 * statement, a listener that throws at each moment, each trash table missing, and on PostgreSQL a
 * trigger raising on each table in turn and the connection killed at each statement. After each
 * fault every table is exactly as before. Prints how many faults were injected. Runs on the forum
 * with long keys; {@link UuidFaultInjectionTest} runs the same on UUID keys.
 */
class FaultInjectionTest {
  private static final List<String> TRASH_TABLES =
      List.of("users_trash", "posts_trash", "comments_trash", "likes_trash", "reactions_trash");
  private static final Map<String, AtomicInteger> INJECTED = new ConcurrentHashMap<>();

  /** The forum these tests break. */
  ForumFlavour flavour() {
    return ForumFlavour.LONG_KEYS;
  }

  private List<String> tables() {
    return flavour().tablesWithTrash();
  }

  @AllDatabases
  void aSqlErrorAtEachStatementOfEachOperationChangesNothing(TestDatabase db) {
    EveryStatement every = new EveryStatement(db, tables());
    for (Operation operation : seed(db).operations()) {
      every.breakEach(operation, (handle, n) -> new FaultAt(n));
    }
    count(db.kind() + ", a SQL error at each statement", every.injected());
  }

  @AllDatabases
  void aListenerThatThrowsAtEachMomentChangesNothing(TestDatabase db) {
    EveryStatement every = new EveryStatement(db, tables());
    for (Operation operation : seed(db).operations()) {
      for (CascadeEvent.Kind kind : operation.events()) {
        every.breakOnce(operation, "a " + kind + " listener that throws", h -> throwOn(h, kind), IllegalStateException.class);
      }
      db.jdbi().useHandle(operation.call()::apply);
    }
    count(db.kind() + ", a listener that throws", every.injected());
  }

  @AllDatabases
  void aMissingTrashTableFailsTheTrashAndItsRestoreAndChangesNothing(TestDatabase db) {
    Object dave = seed(db).everyTable();
    Operation trash = Operation.delete(
        "TRASH delete of dave",
        h -> flavour().destroy(h, "users", dave, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH)));
    Operation restore = Operation.restore("trash restore of dave", h -> flavour().restore(h, "users", dave, RestoreOptions.defaults()));
    int injected = 0;
    for (String forumTable : TRASH_TABLES) {
      String table = flavour().table(forumTable);
      injected += withoutTable(db, table, every -> every.breakOnce(trash, "no " + table, h -> {}, CascadeException.class));
    }
    db.jdbi().useHandle(trash.call()::apply);
    for (String forumTable : TRASH_TABLES) {
      String table = flavour().table(forumTable);
      injected += withoutTable(db, table, every -> every.breakOnce(restore, "no " + table, h -> {}, CascadeException.class));
    }
    assertThat(injected).isEqualTo(2 * TRASH_TABLES.size());
    count(db.kind() + ", a missing trash table", injected);
  }

  @Test
  void aTriggerRaisingOnEachTableInTurnOnPostgresChangesNothing() {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
      List<Operation> operations = seed(db).operations();
      RefusingTriggers triggers = RefusingTriggers.install(db, tables());
      EveryStatement every = new EveryStatement(db, tables());
      for (Operation operation : operations) {
        if (operation.underTest()) {
          for (String table : tables()) {
            if (triggers.wouldRefuse(operation, table)) {
              every.breakOnce(operation, "a trigger raising on " + table, h -> triggers.arm(h, table), CascadeException.class);
            }
          }
        }
        db.jdbi().useHandle(operation.call()::apply);
      }
      count("POSTGRESQL, a trigger raising on each table touched", every.injected());
    }
  }

  @Test
  void aConnectionKilledAtEachStatementOnPostgresChangesNothing() {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL);
        Handle killer = db.jdbi().open()) {
      EveryStatement every = new EveryStatement(db, tables());
      for (Operation operation : seed(db).operations()) {
        every.breakEach(operation, (handle, n) -> new KillConnectionAt(n, killer, backend(handle)));
      }
      count("POSTGRESQL, the connection killed at each statement", every.injected());
    }
  }

  private FaultForum seed(TestDatabase db) {
    flavour().createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      return FaultForum.seed(handle, flavour());
    }
  }

  private static void throwOn(Handle handle, CascadeEvent.Kind kind) {
    CascadeListener<Object> refuse = (record, event) -> {
      throw new IllegalStateException("listener refuses at " + event.kind());
    };
    CascadeConfig config = handle.getConfig(CascadeConfig.class);
    switch (kind) {
      case DELETING -> config.onDeleting(Object.class, refuse);
      case DELETED -> config.onDeleted(Object.class, refuse);
      case RESTORING -> config.onRestoring(Object.class, refuse);
      case RESTORED -> config.onRestored(Object.class, refuse);
    }
  }

  /** Renames the table away (as good as dropped, but its rows come back after) while {@code check} runs. */
  private int withoutTable(TestDatabase db, String table, Consumer<EveryStatement> check) {
    db.jdbi().useHandle(h -> h.execute("ALTER TABLE " + table + " RENAME TO " + table + "_gone"));
    try {
      EveryStatement every = new EveryStatement(db, tables().stream().filter(t -> !t.equals(table)).toList());
      check.accept(every);
      return every.injected();
    } finally {
      db.jdbi().useHandle(h -> h.execute("ALTER TABLE " + table + "_gone RENAME TO " + table));
    }
  }

  private static int backend(Handle handle) {
    return handle.select("SELECT pg_backend_pid()").mapTo(Integer.class).one();
  }

  private void count(String what, int injected) {
    assertThat(injected).as(what).isPositive();
    INJECTED.computeIfAbsent(what + " (" + flavour().name() + ")", k -> new AtomicInteger()).addAndGet(injected);
  }

  /** Prints the faults of this class's runs; a subclass's follow in its own report. */
  @AfterAll
  static void report() {
    int total = INJECTED.values().stream().mapToInt(AtomicInteger::get).sum();
    System.out.println("[cascade-reliability] faults injected: " + total + ", after each every table was as before");
    new TreeMap<>(INJECTED).forEach((what, n) -> System.out.println("[cascade-reliability]   " + what + ": " + n));
    INJECTED.clear();
  }
}
