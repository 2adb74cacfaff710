package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  /**
   * The strategy whose steps generated code lists: each a builder method's name, then its
   * arguments ({@link StepList}).
   */
  public static Strategy of(DeleteStrategy kind, Object... steps) {
    Builder builder = builder(kind);
    StepList list = new StepList("the " + kind + " strategy", steps);
    while (list.hasNext()) {
      String step = list.step();
      switch (step) {
        case "restrict" -> builder.restrict(list.string(), list.string(), list.string(), list.sql());
        case "restrictTrashed" -> builder.restrictTrashed(list.string(), list.string(), list.string(), list.string(), list.sql());
        case "nullify" -> builder.nullify(list.string(), list.string(), list.sql());
        case "unlink" -> builder.unlink(list.string(), list.string(), list.sql());
        case "flatten" -> builder.flatten(list.string(), list.string(), list.sql());
        case "copy" -> builder.copy(list.string(), list.sql());
        case "copyRoots" -> builder.copyRoots(list.string(), list.sql());
        case "mark" -> builder.mark(list.string(), list.sql());
        case "markRoots" -> builder.markRoots(list.string(), list.sql());
        case "delete" -> builder.delete(list.string(), list.sql());
        case "deleteRoots" -> builder.deleteRoots(list.string(), list.sql());
        case "countRows" -> builder.countRows(list.string(), list.sql());
        case "countNullified" -> builder.countNullified(list.string(), list.sql());
        default -> throw list.unknown(step);
      }
    }
    return builder.build();
  }

  static Builder builder(DeleteStrategy kind) {
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
  static final class Builder {
    private final DeleteStrategy kind;
    private final List<Restriction> restrictions = new ArrayList<>();
    private final List<DeleteStep> steps = new ArrayList<>();
    private final List<Count> counts = new ArrayList<>();

    private Builder(DeleteStrategy kind) {
      this.kind = kind;
    }

    /** A {@code RESTRICT} check: {@code table.column} rows pointing into {@code parent}. */
    Builder restrict(String table, String column, String parent, Sql sql) {
      restrictions.add(new Restriction(table, column, parent, sql, Optional.empty()));
      return this;
    }

    /** The same check in {@code table}'s trash table {@code trash}, for a {@code PERMANENT} delete. */
    Builder restrictTrashed(String table, String trash, String column, String parent, Sql sql) {
      restrictions.add(new Restriction(table, column, parent, sql, Optional.of(trash)));
      return this;
    }

    /** Sets {@code table.column} to null in the rows pointing into the cascade ({@code SET_NULL}). */
    Builder nullify(String table, String column, Sql sql) {
      return step(DeleteStep.Kind.NULLIFY, table, column, sql, false);
    }

    Builder copy(String table, Sql sql) {
      return step(DeleteStep.Kind.COPY, table, null, sql, false);
    }

    /** Copies the rows the call names into the trash. */
    Builder copyRoots(String table, Sql sql) {
      return step(DeleteStep.Kind.COPY, table, null, sql, true);
    }

    Builder mark(String table, Sql sql) {
      return step(DeleteStep.Kind.MARK, table, null, sql, false);
    }

    /** Soft-deletes the rows the call names. */
    Builder markRoots(String table, Sql sql) {
      return step(DeleteStep.Kind.MARK, table, null, sql, true);
    }

    /** Clears the links between rows of one table that the operation deletes, a table's SET_NULL to itself. */
    Builder unlink(String table, String column, Sql sql) {
      return step(DeleteStep.Kind.UNLINK, table, column, sql, false);
    }

    /** Points a tree's rows below its tops at their tops, on the databases the statement runs on. */
    Builder flatten(String table, String column, Sql sql) {
      return step(DeleteStep.Kind.FLATTEN, table, column, sql, false);
    }

    Builder delete(String table, Sql sql) {
      return step(DeleteStep.Kind.DELETE, table, null, sql, false);
    }

    /** Deletes the rows the call names. */
    Builder deleteRoots(String table, Sql sql) {
      return step(DeleteStep.Kind.DELETE, table, null, sql, true);
    }

    /** For preview: rows of {@code table} the delete would remove or mark. */
    Builder countRows(String table, Sql sql) {
      counts.add(new Count(table, false, sql));
      return this;
    }

    /** For preview: rows of {@code table} the delete would unlink. */
    Builder countNullified(String table, Sql sql) {
      counts.add(new Count(table, true, sql));
      return this;
    }

    Strategy build() {
      return new Strategy(this);
    }

    private Builder step(DeleteStep.Kind kind, String table, String column, Sql sql, boolean root) {
      steps.add(new DeleteStep(kind, table, column, sql, root));
      return this;
    }
  }
}
