package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan's steps as generated code lists them, one to a line: the name of the runtime builder
 * method that takes the step, then its arguments, all passed to the type's {@code of}. javac
 * compiles values faster than the same builder calls (BENCHMARKS.md, "Processor compile time").
 */
final class StepRows {
  private final List<CodeBlock> rows = new ArrayList<>();

  /** A step: {@code "delete", "posts", DELETE_POSTS}. */
  StepRows add(String step, String format, Object... args) {
    rows.add(CodeBlock.builder().add("$S, ", step).add(format, args).build());
    return this;
  }

  /** A step that belongs to the one above, indented below it: a table's columns. */
  StepRows addBelow(String step, String format, Object... args) {
    rows.add(CodeBlock.builder().add("  $S, ", step).add(format, args).build());
    return this;
  }

  /** {@code Type.of(first,\n "step", ...,\n "step", ...)}. */
  CodeBlock of(ClassName type, CodeBlock first) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.of($L", type, first).indent().indent();
    for (int i = 0; i < rows.size(); i++) {
      code.add(i == 0 && first.isEmpty() ? "\n$L" : ",\n$L", rows.get(i));
    }
    return code.add(")").unindent().unindent().build();
  }
}
