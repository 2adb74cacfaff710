package dev.cascade.runtime.internal;

import dev.cascade.runtime.Dialect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the steps that generated code lists as values, one step to a line: the name of the
 * builder method that takes it, then that method's arguments. Generated code lists them so rather
 * than calling the builder because javac compiles values faster than calls: the generated sources
 * of 200 models in up to a quarter less time (BENCHMARKS.md, "Processor compile time").
 */
public final class StepList {
  private static final String SAME_VERSION =
      "compile the models with the cascade-processor of the same version as cascade-runtime";

  private final String what;
  private final Object[] values;
  private int next;

  /**
   * @param what what the values describe, for the message when they do not read: "the SOFT
   *     strategy"
   */
  public StepList(String what, Object[] values) {
    this.what = what;
    this.values = values.clone();
  }

  /**
   * The values of a list that generated code writes in parts, each a method of its own: a class's
   * static initializer holds at most 64 KB of code, which the lists of a root with a few hundred
   * tables below it would pass.
   */
  public static Object[] joined(Object[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
  }

  public boolean hasNext() {
    return next < values.length;
  }

  /** The name of the next step. */
  public String step() {
    return string();
  }

  public String string() {
    return take(String.class);
  }

  /** A statement: its text, or an {@link Sql} with texts per database. */
  public Sql sql() {
    Object value = take(Object.class);
    if (value instanceof String text) {
      return Sql.of(text);
    }
    if (value instanceof Sql sql) {
      return sql;
    }
    throw unreadable(next - 1, "a statement");
  }

  public Class<?> type() {
    return take(Class.class);
  }

  /** The dialects that follow, up to the next value that is not one. */
  public Dialect[] dialects() {
    List<Dialect> dialects = new ArrayList<>();
    while (hasNext() && values[next] instanceof Dialect dialect) {
      dialects.add(dialect);
      next++;
    }
    return dialects.toArray(Dialect[]::new);
  }

  /** The failure for a step whose name this runtime does not know. */
  public IllegalStateException unknown(String step) {
    return new IllegalStateException("the generated code lists a step '" + step + "' in " + what
        + " that this cascade-runtime does not know; " + SAME_VERSION);
  }

  private <T> T take(Class<T> type) {
    if (!hasNext()) {
      throw new IllegalStateException("the generated code's list of " + what + " ends inside a step; "
          + SAME_VERSION);
    }
    Object value = values[next++];
    if (!type.isInstance(value)) {
      throw unreadable(next - 1, type.getSimpleName());
    }
    return type.cast(value);
  }

  private IllegalStateException unreadable(int position, String expected) {
    return new IllegalStateException("the generated code's list of " + what + " has " + values[position]
        + " at position " + position + " where this cascade-runtime reads " + expected + "; " + SAME_VERSION);
  }
}
