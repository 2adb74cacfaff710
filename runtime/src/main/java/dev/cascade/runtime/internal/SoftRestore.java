package dev.cascade.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/** How a generated restorer undoes a soft delete. */
public final class SoftRestore {
  private final Sql lookup;
  private final Sql restorable;
  private final Checks checks;
  private final List<RestoreStep> steps;
  private final List<Count> counts;
  private final List<TrashedCheck> trashedChecks;

  private SoftRestore(Builder builder) {
    this.lookup = builder.lookup;
    this.restorable = builder.restorable;
    this.checks = builder.checks.build();
    this.steps = List.copyOf(builder.steps);
    this.counts = List.copyOf(builder.counts);
    this.trashedChecks = List.copyOf(builder.trashedChecks);
  }

  /**
   * The soft restore whose steps generated code lists: each a builder method's name, then its
   * arguments ({@link StepList}).
   */
  public static SoftRestore of(Object... steps) {
    Builder builder = builder();
    StepList list = new StepList("the soft restore", steps);
    while (list.hasNext()) {
      String step = list.step();
      switch (step) {
        case "lookup" -> builder.lookup(list.sql());
        case "restorable" -> builder.restorable(list.sql());
        case "checks" -> builder.checks(list.sql());
        case "checkParent" -> builder.checkParent(list.string(), list.string(), list.string(), list.sql());
        case "unmark" -> builder.unmark(list.string(), list.sql());
        case "unmarkRoots" -> builder.unmarkRoots(list.string(), list.sql());
        case "count" -> builder.count(list.string(), list.sql());
        case "checkTrashedParent" -> {
          String table = list.string();
          String column = list.string();
          String parent = list.string();
          String parentTrash = list.string();
          builder.checkTrashedParent(new Check(table, column, parent, list.sql()), parentTrash);
        }
        default -> throw list.unknown(step);
      }
    }
    return builder.build();
  }

  static Builder builder() {
    return new Builder();
  }

  Sql lookup() {
    return lookup;
  }

  Sql restorable() {
    return restorable;
  }

  Checks checks() {
    return checks;
  }

  List<RestoreStep> steps() {
    return steps;
  }

  /** What a preview counts, per table, parents first. */
  List<Count> counts() {
    return counts;
  }

  /**
   * Per table, the trash copies the restored operations soft-deleted whose parent the same trash
   * holds soft-deleted by another operation: the restore takes their marker off, so that undoing
   * the trash would bring them back live under it.
   */
  List<TrashedCheck> trashedChecks() {
    return trashedChecks;
  }

  /** A check of trash copies, whose query reads the parent's trash table: it runs only where that exists. */
  record TrashedCheck(Check check, String parentTrash) {}

  /** Lists a soft restore's statements in the order they run. */
  static final class Builder {
    private Sql lookup;
    private Sql restorable;
    private final Checks.Builder checks = new Checks.Builder();
    private final List<RestoreStep> steps = new ArrayList<>();
    private final List<Count> counts = new ArrayList<>();
    private final List<TrashedCheck> trashedChecks = new ArrayList<>();

    /** The requested keys that are soft-deleted, with their markers. */
    Builder lookup(Sql sql) {
      this.lookup = sql;
      return this;
    }

    /** Every soft-deleted root whose parents are live, with its marker, for {@code restoreAll}. */
    Builder restorable(Sql sql) {
      this.restorable = sql;
      return this;
    }

    /** The parent checks as one query, selecting the number of the first that finds a row. */
    Builder checks(Sql sql) {
      checks.combined(sql);
      return this;
    }

    /** Restored {@code table} rows whose {@code column} points at a {@code parent} still deleted. */
    Builder checkParent(String table, String column, String parent, Sql sql) {
      checks.add(new Check(table, column, parent, sql));
      return this;
    }

    Builder unmark(String table, Sql sql) {
      steps.add(new RestoreStep(RestoreStep.Kind.UNMARK, table, sql, false));
      return this;
    }

    /** Restores the rows the call names. */
    Builder unmarkRoots(String table, Sql sql) {
      steps.add(new RestoreStep(RestoreStep.Kind.UNMARK, table, sql, true));
      return this;
    }

    /**
     * For a preview: the rows of {@code table} the restore brings back, one per row the query
     * selects (the keys the restore's statements use), counted.
     */
    Builder count(String table, Sql sql) {
      counts.add(new Count(table, false, sql.count()));
      return this;
    }

    /**
     * Trash copies of {@code check.table()} whose parent the same trash holds soft-deleted by
     * another operation (see {@link #trashedChecks}).
     */
    Builder checkTrashedParent(Check check, String parentTrash) {
      trashedChecks.add(new TrashedCheck(check, parentTrash));
      return this;
    }

    SoftRestore build() {
      return new SoftRestore(this);
    }
  }
}
