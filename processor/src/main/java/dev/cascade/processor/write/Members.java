package dev.cascade.processor.write;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of one class in the order they are added (fields, the constructor, methods, nested
 * classes), a blank line between two, each at this class's indent.
 */
final class Members {
  private final String indent;
  private final List<Code> members = new ArrayList<>();

  /** @param indent the indent of this class's members: two spaces a level */
  Members(String indent) {
    this.indent = indent;
  }

  String indent() {
    return indent;
  }

  /** A new member, to be written at {@link #indent()}. */
  Code add() {
    Code member = new Code();
    members.add(member);
    return member;
  }

  /**
   * {@code private static final Type NAME = initializer;} with its one-line Javadoc; {@code
   * modifiers} as written, such as {@code "private static final"}.
   */
  void field(String doc, String modifiers, TypeName type, String name, Code initializer) {
    Code field = add();
    if (doc != null) {
      field.javadoc(indent, "$L\n", doc);
    }
    field.add(indent + modifiers + " $T $N = $L;\n", type, name, initializer);
  }

  /**
   * A method of one statement: {@code signature} from its modifiers to its name, then the
   * parameters (a type and a name each), a line break allowed between two.
   */
  void method(Code javadoc, String signature, List<Parameter> parameters, Code statement) {
    Code method = add();
    if (!javadoc.isEmpty()) {
      method.javadoc(indent, "$L", javadoc);
    }
    method.add(indent + "$L(", signature);
    for (int i = 0; i < parameters.size(); i++) {
      method.add(i == 0 ? "$T $N" : ",$W$T $N", parameters.get(i).type(), parameters.get(i).name());
    }
    method.add(") {\n" + indent + "  $L;\n" + indent + "}\n", statement);
  }

  /** The members, a blank line between two. */
  Code code() {
    return Code.join(members, "\n");
  }

  /** A method parameter. */
  record Parameter(TypeName type, String name) {}
}
