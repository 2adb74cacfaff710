package dev.cascade.benchmarks;

import static dev.cascade.annotations.DeleteStrategy.PERMANENT;
import static dev.cascade.annotations.DeleteStrategy.SOFT;
import static dev.cascade.annotations.DeleteStrategy.TRASH;

import dev.cascade.benchmarks.Comparison.Row;
import dev.cascade.benchmarks.Options.Analysis;
import dev.cascade.benchmarks.Options.Scenario;
import dev.cascade.testing.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The comparisons the issues ask for, with their targets. */
final class Comparisons {
  /** Issue 16: a Cascade operation without ANALYZE takes at most this times its analyzed time. */
  static final double UNANALYZED_BOUND = 1.5;

  /** Issue 12: restores at most 1.15x hand-written SQL on PostgreSQL, 1.5x on H2. */
  static final Map<DatabaseKind, Double> RESTORE_BOUNDS = Map.of(DatabaseKind.POSTGRESQL, 1.15, DatabaseKind.H2, 1.5);

  /** Issue 13: Cascade with the journal over Cascade without it. */
  static final double JOURNAL_BOUND = 1.05;

  /** Issue 14: through a network, Cascade at least this many times faster than per-row peers. */
  static final double NETWORK_FACTOR = 50;

  private Comparisons() {}

  /**
   * The comparisons of the chosen scenarios that run on {@code kind}, in order; the network's
   * permanent delete comes right after the forum's, beside its loopback rows.
   */
  static List<Comparison> of(Options options, DatabaseKind kind) {
    List<Comparison> comparisons = new ArrayList<>();
    if (options.scenarios().contains(Scenario.FORUM)) {
      comparisons.addAll(forum(options.analysis()));
    }
    if (options.scenarios().contains(Scenario.NETWORK) && kind == DatabaseKind.POSTGRESQL) {
      comparisons.add(comparisons.isEmpty() ? 0 : 1, network(options));
    }
    if (options.scenarios().contains(Scenario.TREE)) {
      comparisons.addAll(TrackerComparisons.all(options));
    }
    return options.only().isEmpty()
        ? comparisons
        : comparisons.stream().filter(c -> c.operation().contains(options.only().get())).toList();
  }

  static List<Comparison> forum(Analysis analysis) {
    return List.of(permanent(analysis), soft(analysis), trash(analysis), softRestore(analysis), trashRestore(analysis));
  }

  static Comparison permanent(Analysis analysis) {
    Rows rows = new Rows(analysis);
    Contender nativeCascade = rows.add(new NativeCascade());
    Contender withKeys =
        rows.cascade(new CascadeDelete(PERMANENT, ForeignKeys.NO_ACTION), c -> Goal.within(1.3, c, nativeCascade, "native"));
    rows.add(new CascadeDelete(PERMANENT, ForeignKeys.NONE), c -> Goal.within(1.3, c, nativeCascade, "native"));
    String cascade = "Cascade (plain FKs)";
    rows.add(new RowByRowDelete(), c -> Goal.slowerBy(30, c, withKeys, cascade));
    rows.add(new HibernateRemove(false), c -> Goal.slowerBy(30, c, withKeys, cascade));
    return rows.comparison("permanent delete");
  }

  static Comparison soft(Analysis analysis) {
    Rows rows = new Rows(analysis);
    Contender handWritten = rows.add(new HandWrittenSoftDelete());
    Contender cascade =
        rows.cascade(new CascadeDelete(SOFT, ForeignKeys.NO_ACTION), c -> Goal.within(1.2, c, handWritten, "hand-written"));
    rows.add(new HibernateRemove(true));
    rows.add(new WithoutJournal(new CascadeDelete(SOFT, ForeignKeys.NO_ACTION)), off -> journalCost(cascade, off));
    return rows.comparison("soft delete");
  }

  static Comparison trash(Analysis analysis) {
    Rows rows = new Rows(analysis);
    Contender handWritten = rows.add(new HandWrittenTrashDelete());
    Contender cascade =
        rows.cascade(new CascadeDelete(TRASH, ForeignKeys.NO_ACTION), c -> Goal.within(1.2, c, handWritten, "hand-written"));
    rows.add(new WithoutJournal(new CascadeDelete(TRASH, ForeignKeys.NO_ACTION)), off -> journalCost(cascade, off));
    return rows.comparison("trash");
  }

  /**
   * Issue 13: the journal costs at most 5%: the Cascade row (journal on) over the same contender
   * with the journal off, shown on the latter's row.
   */
  private static Goal journalCost(Contender journalOn, Contender journalOff) {
    return Goal.within(JOURNAL_BOUND, journalOn, journalOff, "journal off (journal on over this row)");
  }

  static Comparison softRestore(Analysis analysis) {
    Rows rows = new Rows(analysis);
    Contender handWritten = rows.add(new HandWrittenSoftRestore());
    rows.cascade(
        new CascadeRestore(SOFT, ForeignKeys.NO_ACTION), c -> Goal.within(RESTORE_BOUNDS, c, handWritten, "hand-written"));
    return rows.comparison("restore after soft delete");
  }

  static Comparison trashRestore(Analysis analysis) {
    Rows rows = new Rows(analysis);
    Contender handWritten = rows.add(new HandWrittenTrashRestore());
    rows.cascade(
        new CascadeRestore(TRASH, ForeignKeys.NO_ACTION), c -> Goal.within(RESTORE_BOUNDS, c, handWritten, "hand-written"));
    return rows.comparison("restore from trash");
  }

  /**
   * Issue 14: the permanent delete through a network ({@link DelayingProxy}), on PostgreSQL. The
   * loopback rows are those of {@link #permanent}.
   */
  static Comparison network(Options options) {
    Rows rows = new Rows(options.analysis());
    Contender cascade = rows.add(new OverNetwork(new CascadeDelete(PERMANENT, ForeignKeys.NO_ACTION), options.networkDelay()));
    String name = "Cascade (plain FKs, same network)";
    rows.add(new OverNetwork(new RowByRowDelete(), options.networkDelay()),
        c -> Goal.slowerBy(NETWORK_FACTOR, c, cascade, name));
    rows.add(new OverNetwork(new HibernateRemove(false), options.networkDelay()),
        c -> Goal.slowerBy(NETWORK_FACTOR, c, cascade, name));
    return rows.comparison("permanent delete, " + OverNetwork.label(options.networkDelay()) + " network");
  }

  /**
   * The rows of one comparison, in the order added, run as {@code --analyze} says: with {@code
   * never}, every contender unanalyzed; with {@code both}, each Cascade contender also gets an
   * unanalyzed twin at the end, held to {@value #UNANALYZED_BOUND}x its analyzed time.
   */
  static final class Rows {
    private final Analysis analysis;
    private final List<Row> rows = new ArrayList<>();
    private final List<Contender> twinned = new ArrayList<>();

    Rows(Analysis analysis) {
      this.analysis = analysis;
    }

    /** Adds a row; returns the contender as it runs, for other rows' goals. */
    Contender add(Contender contender) {
      Contender row = analysis == Analysis.NEVER ? new Unanalyzed(contender) : contender;
      rows.add(Row.of(row));
      return row;
    }

    /** Adds a row with a target on the contender as it runs. */
    Contender add(Contender contender, Function<Contender, Goal> goal) {
      Contender row = analysis == Analysis.NEVER ? new Unanalyzed(contender) : contender;
      rows.add(Row.of(row, goal.apply(row)));
      return row;
    }

    /** Adds a Cascade row, which gets an unanalyzed twin when both modes run. */
    Contender cascade(Contender contender, Function<Contender, Goal> goal) {
      return twin(add(contender, goal));
    }

    /** Adds a Cascade row without a target of its own; its twin has one. */
    Contender cascade(Contender contender) {
      return twin(add(contender));
    }

    private Contender twin(Contender row) {
      if (analysis == Analysis.BOTH) {
        twinned.add(row);
      }
      return row;
    }

    Comparison comparison(String operation) {
      List<Row> all = new ArrayList<>(rows);
      for (Contender analyzed : twinned) {
        Contender twin = new Unanalyzed(analyzed);
        all.add(Row.of(twin, Goal.within(UNANALYZED_BOUND, twin, analyzed, "analyzed")));
      }
      return new Comparison(operation, all);
    }
  }
}
