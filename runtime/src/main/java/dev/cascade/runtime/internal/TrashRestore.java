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

  /**
   * The trash restore whose steps generated code lists: each a builder method's name, then its
   * arguments ({@link StepList}).
   */
  public static TrashRestore of(Object... steps) {
    Builder builder = builder();
    StepList list = new StepList("the trash restore", steps);
    while (list.hasNext()) {
      String step = list.step();
      switch (step) {
        case "lookup" -> builder.lookup(list.sql());
        case "restorable" -> builder.restorable(list.sql());
        case "scope" -> builder.scope(list.sql());
        case "nested" -> builder.nested(list.sql());
        case "records" -> builder.records(list.sql());
        case "checks" -> builder.checks(list.sql());
        case "checkParent" -> builder.checkParent(list.string(), list.string(), list.string(), list.sql());
        case "takenRoots" -> builder.takenRoots(list.sql());
        case "taken" -> builder.taken(list.sql());
        case "checkTaken" -> builder.checkTaken(list.string(), list.string(), list.sql());
        case "insertWithNewKey" -> builder.insertWithNewKey(list.sql());
        case "insert" -> builder.insert(list.string(), list.sql());
        case "insertRoots" -> builder.insertRoots(list.string(), list.sql());
        case "relink" -> builder.relink(list.string(), list.sql());
        case "purge" -> builder.purge(list.string(), list.sql());
        case "purgeRoots" -> builder.purgeRoots(list.string(), list.sql());
        case "follow" -> builder.follow(list.string(), list.sql());
        case "count" -> builder.count(list.string(), list.sql());
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
  static final class Builder {
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
    Builder lookup(Sql sql) {
      this.lookup = sql;
      return this;
    }

    /** Every trashed root whose parents are live, with its deletion id and time, for {@code restoreAll}. */
    Builder restorable(Sql sql) {
      this.restorable = sql;
      return this;
    }

    /**
     * Counts the root table's copies in the restored operations that the call names or that are
     * tops: when every root found, the call restores whole operations.
     */
    Builder scope(Sql sql) {
      this.scope = sql;
      return this;
    }

    /**
     * For a tree's root table: counts the copies the call names that hang below another row their
     * operation trashed, which a restore of whole operations brings back below it.
     */
    Builder nested(Sql sql) {
      this.nested = sql;
      return this;
    }

    /** The trashed root records, for listeners. */
    Builder records(Sql sql) {
      this.records = sql;
      return this;
    }

    /** The parent checks as one query, selecting the number of the first that finds a row. */
    Builder checks(Sql sql) {
      checks.combined(sql);
      return this;
    }

    Builder checkParent(String table, String column, String parent, Sql sql) {
      checks.add(new Check(table, column, parent, sql));
      return this;
    }

    /** The requested keys another row has taken since they were trashed. */
    Builder takenRoots(Sql sql) {
      this.takenRoots = sql;
      return this;
    }

    /**
     * The checks for taken keys of rows coming back with the roots, as one query: run by a
     * preview, and by a restore only once an insert has failed on a key, to name the row.
     */
    Builder taken(Sql sql) {
      taken.combined(sql);
      return this;
    }

    /** Keys of {@code table} rows coming back with the roots that another row has taken since. */
    Builder checkTaken(String table, String column, Sql sql) {
      taken.add(new Check(table, column, null, sql));
      return this;
    }

    /** Restores one root whose key was taken, under a key the database generates. */
    Builder insertWithNewKey(Sql sql) {
      this.insertWithNewKey = sql;
      return this;
    }

    Builder insert(String table, Sql sql) {
      return step(RestoreStep.Kind.INSERT, table, sql, false);
    }

    /** Copies the rows the call names back. */
    Builder insertRoots(String table, Sql sql) {
      return step(RestoreStep.Kind.INSERT, table, sql, true);
    }

    /** Points restored rows at the rows of their own table restored with them ({@code SET_NULL} to itself). */
    Builder relink(String table, Sql sql) {
      return step(RestoreStep.Kind.RELINK, table, sql, false);
    }

    Builder purge(String table, Sql sql) {
      return step(RestoreStep.Kind.PURGE, table, sql, false);
    }

    /** Removes the rows the call names from the trash. */
    Builder purgeRoots(String table, Sql sql) {
      return step(RestoreStep.Kind.PURGE, table, sql, true);
    }

    /**
     * Points the copies of {@code table} other operations left in the trash at the roots this
     * restore gave new keys, where they pointed at them when trashed; run only when it gave some.
     */
    Builder follow(String table, Sql sql) {
      return step(RestoreStep.Kind.FOLLOW, table, sql, false);
    }

    /**
     * For a preview: the rows of {@code table} the restore brings back, one per row the query
     * selects (the keys the restore's statements use), counted.
     */
    Builder count(String table, Sql sql) {
      counts.add(new Count(table, false, sql.count()));
      return this;
    }

    TrashRestore build() {
      return new TrashRestore(this);
    }

    private Builder step(RestoreStep.Kind kind, String table, Sql sql, boolean root) {
      steps.add(new RestoreStep(kind, table, sql, root));
      return this;
    }
  }
}
