package dev.cascade.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a generated restorer brings rows back from the trash. */
public final class TrashRestore {
  private final Sql lookup;
  private final Sql restorable;
  private final Sql scope;
  private final Optional<Sql> nested;
  private final Sql records;
  private final Checks checks;
  private final Sql takenRoots;
  private final Checks taken;
  private final Optional<Sql> insertWithNewKey;
  private final List<RestoreStep> steps;
  private final List<Count> counts;

  private TrashRestore(Builder builder) {
    this.lookup = builder.lookup;
    this.restorable = builder.restorable;
    this.scope = builder.scope;
    this.nested = Optional.ofNullable(builder.nested);
    this.records = builder.records;
    this.checks = builder.checks.build();
    this.takenRoots = builder.takenRoots;
    this.taken = builder.taken.build();
    this.insertWithNewKey = Optional.ofNullable(builder.insertWithNewKey);
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

  /** How many copies of the restored operations' roots the call names or are tops: see {@link Protocol#ONLY_NAMED}. */
  Sql scope() {
    return scope;
  }

  /**
   * For a tree's root table, how many of the copies the call names hang below another row their
   * operation trashed: restoring whole operations, those come back below it, not as roots ({@link
   * Protocol#WHOLE_ONLY}).
   */
  Optional<Sql> nested() {
    return nested;
  }

  Sql records() {
    return records;
  }

  Checks checks() {
    return checks;
  }

  Sql takenRoots() {
    return takenRoots;
  }

  Checks taken() {
    return taken;
  }

  Optional<Sql> insertWithNewKey() {
    return insertWithNewKey;
  }

  List<RestoreStep> steps() {
    return steps;
  }

  /** What a preview counts, per table, parents first. */
  List<Count> counts() {
    return counts;
  }

  /** Lists a trash restore's statements in the order they run. */
  public static final class Builder {
    private Sql lookup;
    private Sql restorable;
    private Sql scope;
    private Sql nested;
    private Sql records;
    private final Checks.Builder checks = new Checks.Builder();
    private Sql takenRoots;
    private final Checks.Builder taken = new Checks.Builder();
    private Sql insertWithNewKey;
    private final List<RestoreStep> steps = new ArrayList<>();
    private final List<Count> counts = new ArrayList<>();

    /** The requested keys in the trash, each with the deletion id and time of its latest delete. */
    public Builder lookup(String sql) {
      this.lookup = Sql.of(sql);
      return this;
    }

    /** Every trashed root whose parents are live, with its deletion id and time, for {@code restoreAll}. */
    public Builder restorable(String sql) {
      this.restorable = Sql.of(sql);
      return this;
    }

    /**
     * Counts the root table's copies in the restored operations that the call names or that are
     * tops: when every root found, the call restores whole operations.
     */
    public Builder scope(String sql) {
      this.scope = Sql.of(sql);
      return this;
    }

    /**
     * For a tree's root table: counts the copies the call names that hang below another row their
     * operation trashed, which a restore of whole operations brings back below it.
     */
    public Builder nested(String sql) {
      this.nested = Sql.of(sql);
      return this;
    }

    /** The trashed root records, for listeners. */
    public Builder records(String sql) {
      this.records = Sql.of(sql);
      return this;
    }

    /** The parent checks as one query, selecting the number of the first that finds a row. */
    public Builder checks(String sql) {
      checks.combined(Sql.of(sql));
      return this;
    }

    public Builder checkParent(String table, String column, String parent, String sql) {
      checks.add(new Check(table, column, parent, Sql.of(sql)));
      return this;
    }

    /** The requested keys another row has taken since they were trashed. */
    public Builder takenRoots(String sql) {
      this.takenRoots = Sql.of(sql);
      return this;
    }

    /**
     * The checks for taken keys of rows coming back with the roots, as one query: run by a
     * preview, and by a restore only once an insert has failed on a key, to name the row.
     */
    public Builder taken(String sql) {
      taken.combined(Sql.of(sql));
      return this;
    }

    /** Keys of {@code table} rows coming back with the roots that another row has taken since. */
    public Builder checkTaken(String table, String column, String sql) {
      taken.add(new Check(table, column, null, Sql.of(sql)));
      return this;
    }

    /** Restores one root whose key was taken, under a key the database generates. */
    public Builder insertWithNewKey(String sql) {
      this.insertWithNewKey = Sql.of(sql);
      return this;
    }

    public Builder insert(String table, String sql) {
      return insert(table, Sql.of(sql));
    }

    public Builder insert(String table, Sql sql) {
      return step(RestoreStep.Kind.INSERT, table, sql, false);
    }

    /** Copies the rows the call names back. */
    public Builder insertRoots(String table, String sql) {
      return insertRoots(table, Sql.of(sql));
    }

    public Builder insertRoots(String table, Sql sql) {
      return step(RestoreStep.Kind.INSERT, table, sql, true);
    }

    /** Points restored rows at the rows of their own table restored with them ({@code SET_NULL} to itself). */
    public Builder relink(String table, String sql) {
      return step(RestoreStep.Kind.RELINK, table, Sql.of(sql), false);
    }

    public Builder purge(String table, String sql) {
      return purge(table, Sql.of(sql));
    }

    public Builder purge(String table, Sql sql) {
      return step(RestoreStep.Kind.PURGE, table, sql, false);
    }

    /** Removes the rows the call names from the trash. */
    public Builder purgeRoots(String table, String sql) {
      return purgeRoots(table, Sql.of(sql));
    }

    public Builder purgeRoots(String table, Sql sql) {
      return step(RestoreStep.Kind.PURGE, table, sql, true);
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

    public TrashRestore build() {
      return new TrashRestore(this);
    }

    private Builder step(RestoreStep.Kind kind, String table, Sql sql, boolean root) {
      steps.add(new RestoreStep(kind, table, sql, root));
      return this;
    }
  }
}
