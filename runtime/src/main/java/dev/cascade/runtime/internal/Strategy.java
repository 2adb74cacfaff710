package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one delete strategy, as generated code lists them: the {@code RESTRICT}
 * checks, then the steps in the order they run, and the counts a preview runs.
 */
public final class Strategy {
  private final DeleteStrategy kind;
  private final List<Restriction> restrictions;
  private final List<DeleteStep> steps;
  private final List<Count> counts;

  private Strategy(Builder builder) {
    this.kind = builder.kind;
    this.restrictions = List.copyOf(builder.restrictions);
    this.steps = List.copyOf(builder.steps);
    this.counts = List.copyOf(builder.counts);
  }

  public static Builder builder(DeleteStrategy kind) {
    return new Builder(kind);
  }

  DeleteStrategy kind() {
    return kind;
  }

  List<Restriction> restrictions() {
    return restrictions;
  }

  List<DeleteStep> steps() {
    return steps;
  }

  List<Count> counts() {
    return counts;
  }

  /** Lists a strategy's statements in the order they run. */
  public static final class Builder {
    private final DeleteStrategy kind;
    private final List<Restriction> restrictions = new ArrayList<>();
    private final List<DeleteStep> steps = new ArrayList<>();
    private final List<Count> counts = new ArrayList<>();

    private Builder(DeleteStrategy kind) {
      this.kind = kind;
    }

    /** A {@code RESTRICT} check: {@code table.column} rows pointing into {@code parent}. */
    public Builder restrict(String table, String column, String parent, String sql) {
      return restrict(table, column, parent, Sql.of(sql));
    }

    public Builder restrict(String table, String column, String parent, Sql sql) {
      restrictions.add(new Restriction(table, column, parent, sql));
      return this;
    }

    /** Sets {@code table.column} to null in the rows pointing into the cascade ({@code SET_NULL}). */
    public Builder nullify(String table, String column, String sql) {
      return nullify(table, column, Sql.of(sql));
    }

    public Builder nullify(String table, String column, Sql sql) {
      return step(DeleteStep.Kind.NULLIFY, table, column, sql, false);
    }

    public Builder copy(String table, String sql) {
      return copy(table, Sql.of(sql));
    }

    public Builder copy(String table, Sql sql) {
      return step(DeleteStep.Kind.COPY, table, null, sql, false);
    }

    /** Copies the rows the call names into the trash. */
    public Builder copyRoots(String table, String sql) {
      return copyRoots(table, Sql.of(sql));
    }

    public Builder copyRoots(String table, Sql sql) {
      return step(DeleteStep.Kind.COPY, table, null, sql, true);
    }

    public Builder mark(String table, String sql) {
      return mark(table, Sql.of(sql));
    }

    public Builder mark(String table, Sql sql) {
      return step(DeleteStep.Kind.MARK, table, null, sql, false);
    }

    /** Soft-deletes the rows the call names. */
    public Builder markRoots(String table, String sql) {
      return markRoots(table, Sql.of(sql));
    }

    public Builder markRoots(String table, Sql sql) {
      return step(DeleteStep.Kind.MARK, table, null, sql, true);
    }

    /** Clears the links between rows of one table that the operation deletes, a table's SET_NULL to itself. */
    public Builder unlink(String table, String column, String sql) {
      return unlink(table, column, Sql.of(sql));
    }

    public Builder unlink(String table, String column, Sql sql) {
      return step(DeleteStep.Kind.UNLINK, table, column, sql, false);
    }

    /** Points a tree's rows below its tops at their tops, on the databases the statement runs on. */
    public Builder flatten(String table, String column, Sql sql) {
      return step(DeleteStep.Kind.FLATTEN, table, column, sql, false);
    }

    public Builder delete(String table, String sql) {
      return delete(table, Sql.of(sql));
    }

    public Builder delete(String table, Sql sql) {
      return step(DeleteStep.Kind.DELETE, table, null, sql, false);
    }

    /** Deletes the rows the call names. */
    public Builder deleteRoots(String table, String sql) {
      return deleteRoots(table, Sql.of(sql));
    }

    public Builder deleteRoots(String table, Sql sql) {
      return step(DeleteStep.Kind.DELETE, table, null, sql, true);
    }

    /** For preview: rows of {@code table} the delete would remove or mark. */
    public Builder countRows(String table, String sql) {
      return countRows(table, Sql.of(sql));
    }

    /** For preview: rows of {@code table} the delete would remove or mark, written per database. */
    public Builder countRows(String table, Sql sql) {
      counts.add(new Count(table, false, sql));
      return this;
    }

    /** For preview: rows of {@code table} the delete would unlink. */
    public Builder countNullified(String table, String sql) {
      return countNullified(table, Sql.of(sql));
    }

    /** For preview: rows of {@code table} the delete would unlink, written per database. */
    public Builder countNullified(String table, Sql sql) {
      counts.add(new Count(table, true, sql));
      return this;
    }

    public Strategy build() {
      return new Strategy(this);
    }

    private Builder step(DeleteStep.Kind kind, String table, String column, Sql sql, boolean root) {
      steps.add(new DeleteStep(kind, table, column, sql, root));
      return this;
    }
  }
}
