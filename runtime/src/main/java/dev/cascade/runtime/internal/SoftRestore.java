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

  private SoftRestore(Builder builder) {
    this.lookup = builder.lookup;
    this.restorable = builder.restorable;
    this.checks = builder.checks.build();
    this.steps = List.copyOf(builder.steps);
    this.counts = List.copyOf(builder.counts);
  }

  public static Builder builder() {
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

  /** Lists a soft restore's statements in the order they run. */
  public static final class Builder {
    private Sql lookup;
    private Sql restorable;
    private final Checks.Builder checks = new Checks.Builder();
    private final List<RestoreStep> steps = new ArrayList<>();
    private final List<Count> counts = new ArrayList<>();

    /** The requested keys that are soft-deleted, with their markers. */
    public Builder lookup(String sql) {
      this.lookup = Sql.of(sql);
      return this;
    }

    /** Every soft-deleted root whose parents are live, with its marker, for {@code restoreAll}. */
    public Builder restorable(String sql) {
      this.restorable = Sql.of(sql);
      return this;
    }

    /** The parent checks as one query, selecting the number of the first that finds a row. */
    public Builder checks(String sql) {
      checks.combined(Sql.of(sql));
      return this;
    }

    /** Restored {@code table} rows whose {@code column} points at a {@code parent} still deleted. */
    public Builder checkParent(String table, String column, String parent, String sql) {
      checks.add(new Check(table, column, parent, Sql.of(sql)));
      return this;
    }

    public Builder unmark(String table, String sql) {
      return unmark(table, Sql.of(sql));
    }

    public Builder unmark(String table, Sql sql) {
      steps.add(new RestoreStep(RestoreStep.Kind.UNMARK, table, sql, false));
      return this;
    }

    /** Restores the rows the call names. */
    public Builder unmarkRoots(String table, String sql) {
      return unmarkRoots(table, Sql.of(sql));
    }

    public Builder unmarkRoots(String table, Sql sql) {
      steps.add(new RestoreStep(RestoreStep.Kind.UNMARK, table, sql, true));
      return this;
    }

    /**
     * For a preview: the rows of {@code table} the restore brings back, one per row the query
     * selects (the keys the restore's statements use), counted.
     */
    public Builder count(String table, String sql) {
      return count(table, Sql.of(sql));
    }

    public Builder count(String table, Sql sql) {
      counts.add(new Count(table, false, sql.count()));
      return this;
    }

    public SoftRestore build() {
      return new SoftRestore(this);
    }
  }
}
