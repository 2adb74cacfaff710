package dev.cascade.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a generated restorer brings rows back from the trash. */
public final class TrashRestore {
  private final Sql trashedIds;
  private final Sql restorable;
  private final Sql trashedRecords;
  private final Sql trashInfo;
  private final List<Check> checks;
  private final Sql rootConflicts;
  private final List<Check> conflicts;
  private final Optional<Sql> insertWithNewKey;
  private final List<Step> inserts;
  private final List<Step> purges;

  private TrashRestore(Builder builder) {
    this.trashedIds = builder.trashedIds;
    this.restorable = builder.restorable;
    this.trashedRecords = builder.trashedRecords;
    this.trashInfo = builder.trashInfo;
    this.checks = List.copyOf(builder.checks);
    this.rootConflicts = builder.rootConflicts;
    this.conflicts = List.copyOf(builder.conflicts);
    this.insertWithNewKey = Optional.ofNullable(builder.insertWithNewKey);
    this.inserts = List.copyOf(builder.inserts);
    this.purges = List.copyOf(builder.purges);
  }

  public static Builder builder() {
    return new Builder();
  }

  Sql trashedIds() {
    return trashedIds;
  }

  Sql restorable() {
    return restorable;
  }

  Sql trashedRecords() {
    return trashedRecords;
  }

  Sql trashInfo() {
    return trashInfo;
  }

  List<Check> checks() {
    return checks;
  }

  Sql rootConflicts() {
    return rootConflicts;
  }

  List<Check> conflicts() {
    return conflicts;
  }

  Optional<Sql> insertWithNewKey() {
    return insertWithNewKey;
  }

  List<Step> inserts() {
    return inserts;
  }

  List<Step> purges() {
    return purges;
  }

  /** Lists a trash restore's statements. */
  public static final class Builder {
    private Sql trashedIds;
    private Sql restorable;
    private Sql trashedRecords;
    private Sql trashInfo;
    private final List<Check> checks = new ArrayList<>();
    private Sql rootConflicts;
    private final List<Check> conflicts = new ArrayList<>();
    private Sql insertWithNewKey;
    private final List<Step> inserts = new ArrayList<>();
    private final List<Step> purges = new ArrayList<>();

    /** Which requested ids are in the trash. */
    public Builder trashedIds(String sql) {
      return trashedIds(Sql.of(sql));
    }

    public Builder trashedIds(Sql sql) {
      this.trashedIds = sql;
      return this;
    }

    /** Every trashed id whose parents are live, for {@code restoreAll}. */
    public Builder restorable(String sql) {
      return restorable(Sql.of(sql));
    }

    public Builder restorable(Sql sql) {
      this.restorable = sql;
      return this;
    }

    /** The trashed root records, for listeners. */
    public Builder trashedRecords(String sql) {
      return trashedRecords(Sql.of(sql));
    }

    public Builder trashedRecords(Sql sql) {
      this.trashedRecords = sql;
      return this;
    }

    /** Each requested root's key, deletion id and trash time. */
    public Builder trashInfo(String sql) {
      return trashInfo(Sql.of(sql));
    }

    public Builder trashInfo(Sql sql) {
      this.trashInfo = sql;
      return this;
    }

    public Builder checkParent(String table, String column, String parent, String sql) {
      return checkParent(table, column, parent, Sql.of(sql));
    }

    public Builder checkParent(String table, String column, String parent, Sql sql) {
      checks.add(new Check(table, column, parent, sql));
      return this;
    }

    /** The requested roots whose id another row has taken since. */
    public Builder rootConflicts(String sql) {
      return rootConflicts(Sql.of(sql));
    }

    public Builder rootConflicts(Sql sql) {
      this.rootConflicts = sql;
      return this;
    }

    /** Rows of {@code table} coming back whose key another row has taken since. */
    public Builder checkConflict(String table, String column, String sql) {
      return checkConflict(table, column, Sql.of(sql));
    }

    public Builder checkConflict(String table, String column, Sql sql) {
      conflicts.add(new Check(table, column, null, sql));
      return this;
    }

    /** Restores one root under a key the database generates. */
    public Builder insertWithNewKey(String sql) {
      return insertWithNewKey(Sql.of(sql));
    }

    public Builder insertWithNewKey(Sql sql) {
      this.insertWithNewKey = sql;
      return this;
    }

    public Builder insert(String table, String sql) {
      return insert(table, Sql.of(sql));
    }

    public Builder insert(String table, Sql sql) {
      inserts.add(new Step(Step.Kind.INSERT, table, null, sql, false));
      return this;
    }

    /** Copies the requested rows themselves back. */
    public Builder insertRoots(String table, String sql) {
      return insertRoots(table, Sql.of(sql));
    }

    public Builder insertRoots(String table, Sql sql) {
      inserts.add(new Step(Step.Kind.INSERT, table, null, sql, true));
      return this;
    }

    public Builder purge(String table, String sql) {
      return purge(table, Sql.of(sql));
    }

    public Builder purge(String table, Sql sql) {
      purges.add(new Step(Step.Kind.PURGE, table, null, sql, false));
      return this;
    }

    /** Removes the requested rows themselves from the trash. */
    public Builder purgeRoots(String table, String sql) {
      return purgeRoots(table, Sql.of(sql));
    }

    public Builder purgeRoots(String table, Sql sql) {
      purges.add(new Step(Step.Kind.PURGE, table, null, sql, true));
      return this;
    }

    public TrashRestore build() {
      return new TrashRestore(this);
    }
  }
}
