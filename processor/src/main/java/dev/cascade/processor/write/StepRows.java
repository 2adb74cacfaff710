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
  private static final String ROW = "\n      ";

  private final List<Code> rows = new ArrayList<>();

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

  /** {@code Type.of(first,\n "step", ...,\n "step", ...)}. */
  Code of(ClassName type, Code first) {
    Code code = Code.of("$T.of($L", type, first);
    for (int i = 0; i < rows.size(); i++) {
      code.add(i == 0 && first.isEmpty() ? ROW + "$L" : "," + ROW + "$L", rows.get(i));
    }
    return code.add(")");
  }
}
