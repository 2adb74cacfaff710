package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Locale;

/**
 * Where one generated class writes its step lists: each in its field's initializer, or in methods
 * of their own. A class's static initializer holds at most 64 KB of code, and a value of a list
 * takes up to some 60 bytes of it there (about 20 on average); a root with some 230 tables below it
 * passed that, and javac stopped with "code too large". So a class whose lists together have more
 * than {@link #INLINE_ROWS} rows writes each list in parts of at most {@link #PART_ROWS} rows, each
 * a method that returns its values, and the field joins them.
 */
final class StepLists {
  /** The most rows a class writes in its static initializer. */
  static final int INLINE_ROWS = 800;

  /** The most rows of one part. */
  static final int PART_ROWS = 500;

  private final boolean inParts;

  /** @param lists every step list of the class */
  StepLists(List<StepRows> lists) {
    this.inParts = lists.stream().mapToInt(StepRows::size).sum() > INLINE_ROWS;
  }

  /** {@code modifiers Type NAME = Type.of(...)}, with its parts below it if the class writes lists in parts. */
  void field(Members members, String doc, String modifiers, String name, StepRows rows) {
    if (!inParts) {
      members.field(doc, modifiers, rows.type(), name, rows.call());
      return;
    }
    String part = name.toLowerCase(Locale.ROOT) + "Part";
    int parts = (rows.size() + PART_ROWS - 1) / PART_ROWS;
    Code calls = new Code();
    for (int p = 1; p <= parts; p++) {
      calls.add((p == 1 ? "" : ",") + StepRows.ROW + "$L$L()", part, p);
    }
    members.field(
        doc + "\n\n<p>Its rows are in the methods below: written here, this class's lists would pass the\n"
            + "64 KB of code a static initializer holds.",
        modifiers,
        rows.type(),
        name,
        rows.call(Code.of("$T.joined($L)", RuntimeTypes.STEP_LIST, calls)));
    String indent = members.indent();
    for (int p = 1; p <= parts; p++) {
      int from = (p - 1) * PART_ROWS;
      int to = Math.min(rows.size(), from + PART_ROWS);
      members.add()
          .javadoc(indent, "Rows $L to $L of {@link #$L}.\n", from + 1, to, name)
          .add(indent + "private static $T[] $L$L() {\n", ClassName.OBJECT, part, p)
          .add(indent + "  return new $T[] {$L};\n", ClassName.OBJECT, rows.rows(from, to, "\n" + indent + "      "))
          .add(indent + "}\n");
    }
  }
}
