package dev.cascade.it.reliability.model;

import dev.cascade.it.MovingClock;
import dev.cascade.it.reliability.ForumFlavour;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.MariaDb;
import dev.cascade.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.IdConflict;
import org.jdbi.v3.core.Handle;

/**
 * Random forums and random sequences of destroy, destroyAll, destroyInBatches, restore, restoreAll,
 * restoreOperation and purge, with random strategies and options and a clock the sequence moves on,
 * checked after every step against {@link ReferenceModel}, the journal included. On a failure jqwik shrinks to a minimal forest and
 * sequence and prints them. Each of the four databases runs the forum with long keys the database
 * generates and its copy with UUID keys ({@link ForumFlavour}), where a restore cannot give a root
 * whose id was taken a new key.
 *
 * <p>The number of sequences is jqwik's {@code jqwik.tries.default}, set low in {@code
 * junit-platform.properties} for {@code ./mvnw verify}; see RELIABILITY.md for the long run.
 */
class ModelBasedTest {
  private static final Map<String, TestDatabase> DATABASES = new LinkedHashMap<>();
  private static final Map<String, RunFigures> FIGURES = new LinkedHashMap<>();

  /**
   * One runtime clock per database, moved on only: the runtime gives each {@code Jdbi} markers after
   * the last it gave, so a clock set back would push them past the days the model counts.
   */
  private static final Map<String, MovingClock> CLOCKS = new LinkedHashMap<>();

  @Property
  void h2AgreesWithTheModelAfterEveryStep(@ForAll("forests") Forest forest, @ForAll("sequences") List<Action> actions) {
    run(ForumFlavour.LONG_KEYS, DatabaseKind.H2, forest, actions);
  }

  @Property
  void sqliteAgreesWithTheModelAfterEveryStep(@ForAll("forests") Forest forest, @ForAll("sequences") List<Action> actions) {
    run(ForumFlavour.LONG_KEYS, DatabaseKind.SQLITE, forest, actions);
  }

  @Property
  void postgresAgreesWithTheModelAfterEveryStep(
      @ForAll("forests") Forest forest, @ForAll("sequences") List<Action> actions) {
    run(ForumFlavour.LONG_KEYS, DatabaseKind.POSTGRESQL, forest, actions);
  }

  @Property
  @AddLifecycleHook(MariaDbAvailable.class)
  void mariadbAgreesWithTheModelAfterEveryStep(@ForAll("forests") Forest forest, @ForAll("sequences") List<Action> actions) {
    run(ForumFlavour.LONG_KEYS, DatabaseKind.MARIADB, forest, actions);
  }

  @Property
  void h2AgreesWithTheModelOnUuidKeys(@ForAll("forests") Forest forest, @ForAll("sequences") List<Action> actions) {
    run(ForumFlavour.UUID_KEYS, DatabaseKind.H2, forest, actions);
  }

  @Property
  void sqliteAgreesWithTheModelOnUuidKeys(@ForAll("forests") Forest forest, @ForAll("sequences") List<Action> actions) {
    run(ForumFlavour.UUID_KEYS, DatabaseKind.SQLITE, forest, actions);
  }

  @Property
  void postgresAgreesWithTheModelOnUuidKeys(@ForAll("forests") Forest forest, @ForAll("sequences") List<Action> actions) {
    run(ForumFlavour.UUID_KEYS, DatabaseKind.POSTGRESQL, forest, actions);
  }

  @Property
  @AddLifecycleHook(MariaDbAvailable.class)
  void mariadbAgreesWithTheModelOnUuidKeys(@ForAll("forests") Forest forest, @ForAll("sequences") List<Action> actions) {
    run(ForumFlavour.UUID_KEYS, DatabaseKind.MARIADB, forest, actions);
  }

  /** Skips a MariaDB property, saying why, where no server runs (unless CASCADE_REQUIRE_MARIADB=true), as {@code @AllDatabases} does. */
  public static final class MariaDbAvailable implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      if (MariaDb.required()) {
        return SkipResult.doNotSkip();
      }
      return MariaDb.unavailable().map(reason -> SkipResult.skip("skipped on MariaDB: " + reason)).orElse(SkipResult.doNotSkip());
    }
  }

  private static void run(ForumFlavour flavour, DatabaseKind kind, Forest forest, List<Action> actions) {
    TestDatabase database = database(flavour, kind);
    RunFigures figures = FIGURES.computeIfAbsent(kind + " with " + flavour.name(), RunFigures::new);
    figures.sequence();
    // A new day for each sequence, behind every marker the last one took.
    MovingClock clock =
        CLOCKS.computeIfAbsent(kind + " with " + flavour.name(), k -> new MovingClock(Instant.parse("2024-01-01T00:00:00Z")))
            .pass(Duration.ofDays(1));
    try (Handle handle = database.jdbi().open()) {
      handle.getConfig(CascadeConfig.class).setClock(clock);
      StepRunner runner = new StepRunner(flavour, database, handle, clock, ForestLoader.load(handle, flavour, forest), figures);
      actions.forEach(runner::run);
    }
  }

  private static synchronized TestDatabase database(ForumFlavour flavour, DatabaseKind kind) {
    return DATABASES.computeIfAbsent(
        kind + " with " + flavour.name(),
        k -> {
          TestDatabase database = TestDatabase.create(kind);
          flavour.createWithTrash(database);
          return database;
        });
  }

  @AfterContainer
  static void report() {
    FIGURES.values().forEach(System.out::println);
    DATABASES.values().forEach(TestDatabase::close);
    DATABASES.clear();
    FIGURES.clear();
    CLOCKS.clear();
  }

  @Provide
  Arbitrary<Forest> forests() {
    return Forest.any();
  }

  @Provide
  Arbitrary<List<Action>> sequences() {
    Arbitrary<String> roots = Arbitraries.of("users", "posts", "comments", "likes");
    // Mostly the first few candidates (restores list deleted rows first), so that steps meet on the
    // same rows: a delete, a reuse of its id and a restore of it line up far more often.
    Arbitrary<Integer> picks =
        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(0, 3)), Tuple.of(1, Arbitraries.integers().between(0, 30)));
    Arbitrary<DeleteStrategy> strategies =
        Arbitraries.frequency(
            Tuple.of(1, DeleteStrategy.PERMANENT), Tuple.of(2, DeleteStrategy.SOFT), Tuple.of(3, DeleteStrategy.TRASH));
    Arbitrary<Boolean> descendants = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
    Arbitrary<IdConflict> conflicts = Arbitraries.of(IdConflict.class);
    Arbitrary<Action> destroy =
        Combinators.combine(roots, picks.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(false, true), strategies, descendants)
            .as(Action.Destroy::new);
    Arbitrary<Action> restore = Combinators.combine(roots, picks, conflicts).as(Action.Restore::new);
    Arbitrary<Action> restoreAll = Combinators.combine(roots, conflicts).as(Action.RestoreAll::new);
    Arbitrary<Action> restoreOperation =
        Combinators.combine(
                Arbitraries.integers().between(0, 8),
                Arbitraries.of(false, true),
                Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)),
                conflicts)
            .as(Action.RestoreOperation::new);
    Arbitrary<Action> reuse =
        Combinators.combine(Arbitraries.of("users", "posts", "comments"), picks).as(Action.ReuseId::new);
    // A trash delete, a row taking its id, and a restore that meets the taken id: the richest path
    // (new keys, refusals), which random steps line up too rarely; each step of it still shrinks.
    Arbitrary<List<Action>> reuseAndRestore =
        Combinators.combine(
                Arbitraries.of("users", "posts", "comments"), picks, picks, conflicts, Arbitraries.of(false, true))
            .as((table, pick, reusePick, conflict, all) -> List.of(
                new Action.Destroy(table, List.of(pick), false, DeleteStrategy.TRASH, true),
                new Action.ReuseId(table, reusePick),
                all ? new Action.RestoreAll(table, conflict) : new Action.Restore(table, 0, conflict)));
    Arbitrary<Integer> batchSizes = Arbitraries.of(1, 2, 1_000);
    Arbitrary<Action> batches =
        Combinators.combine(roots, picks, strategies, batchSizes, Arbitraries.of(false, true)).as(Action.DestroyInBatches::new);
    Arbitrary<Integer> days = Arbitraries.of(1, 5, 31);
    Arbitrary<Integer> ages = Arbitraries.of(1, 3, 30);
    Arbitrary<Action> advance = days.map(Action.AdvanceClock::new);
    Arbitrary<Action> purge = Combinators.combine(roots, ages, batchSizes).as(Action.Purge::new);
    // A soft or trash delete, days passing and a purge of its table: whole operations old enough to
    // go, which random steps line up rarely.
    Arbitrary<List<Action>> deleteAndPurge =
        Combinators.combine(roots, picks, Arbitraries.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH), days, ages, batchSizes)
            .as((table, pick, strategy, passed, age, batchSize) -> List.of(
                new Action.Destroy(table, List.of(pick), false, strategy, true),
                new Action.AdvanceClock(passed),
                new Action.Purge(table, age, batchSize)));
    Arbitrary<List<Action>> step =
        Arbitraries.frequencyOf(
                Tuple.of(9, destroy), Tuple.of(6, restore), Tuple.of(2, restoreAll), Tuple.of(3, restoreOperation),
                Tuple.of(2, reuse), Tuple.of(1, batches), Tuple.of(1, advance), Tuple.of(1, purge))
            .map(List::of);
    return Arbitraries.frequencyOf(Tuple.of(10, step), Tuple.of(1, reuseAndRestore), Tuple.of(1, deleteAndPurge))
        .list()
        .ofMinSize(2)
        .ofMaxSize(16)
        .map(parts -> parts.stream().flatMap(List::stream).toList());
  }
}
