package dev.cascade.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/** How a generated restorer brings back a soft delete. */
public final class SoftRestore {
  private final Sql deletedIds;
  private final Sql restorable;
  private final List<Check> checks;
  private final List<Step> unmarks;

  private SoftRestore(Builder builder) {
    this.deletedIds = builder.deletedIds;
    this.restorable = builder.restorable;
    this.checks = List.copyOf(builder.checks);
    this.unmarks = List.copyOf(builder.unmarks);
  }

  public static Builder builder() {
    return new Builder();
  }

  Sql deletedIds() {
    return deletedIds;
  }

  Sql restorable() {
    return restorable;
  }

  List<Check> checks() {
    return checks;
  }

  List<Step> unmarks() {
    return unmarks;
  }

  /** Lists a soft restore's statements. */
  public static final class Builder {
    private Sql deletedIds;
    private Sql restorable;
    private final List<Check> checks = new ArrayList<>();
    private final List<Step> unmarks = new ArrayList<>();

    /** Which requested ids are soft-deleted. */
    public Builder deletedIds(String sql) {
      return deletedIds(Sql.of(sql));
    }

    public Builder deletedIds(Sql sql) {
      this.deletedIds = sql;
      return this;
    }

    /** Every soft-deleted id whose parents are live, for {@code restoreAll}. */
    public Builder restorable(String sql) {
      return restorable(Sql.of(sql));
    }

    public Builder restorable(Sql sql) {
      this.restorable = sql;
      return this;
    }

    /** Restored rows of {@code table} whose {@code column} points to a still deleted parent. */
    public Builder checkParent(String table, String column, String parent, String sql) {
      return checkParent(table, column, parent, Sql.of(sql));
    }

    public Builder checkParent(String table, String column, String parent, Sql sql) {
      checks.add(new Check(table, column, parent, sql));
      return this;
    }

    public Builder unmark(String table, String sql) {
      return unmark(table, Sql.of(sql));
    }

    public Builder unmark(String table, Sql sql) {
      unmarks.add(new Step(Step.Kind.UNMARK, table, null, sql, false));
      return this;
    }

    /** Clears the soft-delete column of the requested rows themselves. */
    public Builder unmarkRoots(String table, String sql) {
      return unmarkRoots(table, Sql.of(sql));
    }

    public Builder unmarkRoots(String table, Sql sql) {
      unmarks.add(new Step(Step.Kind.UNMARK, table, null, sql, true));
      return this;
    }

    public SoftRestore build() {
      return new SoftRestore(this);
    }
  }
}
