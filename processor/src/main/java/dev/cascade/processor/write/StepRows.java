package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan's steps as generated code lists them, one to a line: the name of the runtime builder
 * method that takes the step, then its arguments, all passed to the type's {@code of}. javac
 * compiles values faster than the same builder calls (BENCHMARKS.md, "Processor compile time").
 */
final class StepRows {
  /** Where a row starts: a field initializer's continuation, two levels in from the field. */
  static final String ROW = "\n      ";

  private final ClassName type;
  private final Code first;
  private final List<Code> rows = new ArrayList<>();

  /**
   * Rows for {@code type.of(first, ...)}.
   *
   * @param first what the call takes before the rows, or nothing
   */
  StepRows(ClassName type, Code first) {
    this.type = type;
    this.first = first;
  }

  /** A step: {@code "delete", "posts", DELETE_POSTS}. */
  StepRows add(String step, String format, Object... args) {
    rows.add(Code.of("$S, ", step).add(format, args));
    return this;
  }

  /** A step that belongs to the one above, indented below it: a table's columns. */
  StepRows addBelow(String step, String format, Object... args) {
    rows.add(Code.of("  $S, ", step).add(format, args));
    return this;
  }

  ClassName type() {
    return type;
  }

  int size() {
    return rows.size();
  }

  /** {@code Type.of(first,\n "step", ...,\n "step", ...)}. */
  Code call() {
    return Code.of("$T.of($L$L", type, first, first.isEmpty() ? "" : ",").add("$L)", rows(0, rows.size(), ROW));
  }

  /** {@code Type.of(first, values)}: the rows passed as one array. */
  Code call(Code values) {
    return Code.of("$T.of($L$L$L)", type, first, first.isEmpty() ? "" : ", ", values);
  }

  /** The rows from {@code from} up to {@code to}, each after {@code lineStart}, a comma between two. */
  Code rows(int from, int to, String lineStart) {
    Code code = new Code();
    for (int i = from; i < to; i++) {
      code.add((i == from ? "" : ",") + lineStart + "$L", rows.get(i));
    }
    return code;
  }
}
