package dev.cascade.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;

/**
 * Java source text as the writers build it, top to bottom, with JavaPoet's placeholders: {@code $T}
 * a type, {@code $S} a string literal, {@code $L} text as it is, {@code $N} a name, {@code $W} a
 * space where {@link SourceFile} may break a long line, {@code $$} a dollar sign.
 *
 * <p>A type stays marked in the text ({@link #TYPE_START}, its package, {@link #TYPE_PACKAGE_END},
 * its simple names, {@link #TYPE_END}) until {@link SourceFile} chooses the file's imports and
 * writes each type by its simple name or in full. Rendering text this way, once, takes a fraction
 * of the time JavaPoet's two passes over a file of specs did (BENCHMARKS.md, "Processor compile
 * time").
 */
final class Code {
  static final char WRAP = '\u0001';
  static final char TYPE_START = '\u0002';
  static final char TYPE_PACKAGE_END = '\u0003';
  static final char TYPE_END = '\u0004';

  private final StringBuilder text = new StringBuilder();

  static Code of(String format, Object... args) {
    return new Code().add(format, args);
  }

  /** Appends the format with its placeholders filled, one argument each, in order. */
  Code add(String format, Object... args) {
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '$') {
        text.append(c);
        continue;
      }
      char placeholder = format.charAt(++i);
      switch (placeholder) {
        case 'T' -> type((TypeName) args[next++]);
        case 'S' -> literal((String) args[next++]);
        case 'L', 'N' -> text.append(args[next++]);
        case 'W' -> text.append(WRAP);
        case '$' -> text.append('$');
        default -> throw new IllegalArgumentException("$" + placeholder + " in " + format);
      }
    }
    if (next != args.length) {
      throw new IllegalArgumentException(args.length + " arguments for " + next + " placeholders in " + format);
    }
    return this;
  }

  /** Appends each part, with the separator (a format without arguments) between them. */
  static Code join(List<Code> parts, String separator) {
    Code joined = new Code();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        joined.add(separator);
      }
      joined.text.append(parts.get(i).text);
    }
    return joined;
  }

  /**
   * A Javadoc comment at this indent, from a format as {@link #add} takes it: one {@code *} line
   * per line of text, a bare {@code *} for an empty one.
   */
  Code javadoc(String indent, String format, Object... args) {
    String doc = of(format, args).toString();
    text.append(indent).append("/**\n");
    int start = 0;
    while (start < doc.length()) {
      int end = doc.indexOf('\n', start);
      if (end < 0) {
        end = doc.length();
      }
      text.append(indent).append(" *");
      if (end > start) {
        text.append(' ').append(doc, start, end);
      }
      text.append('\n');
      start = end + 1;
    }
    text.append(indent).append(" */\n");
    return this;
  }

  boolean isEmpty() {
    return text.length() == 0;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private void type(TypeName type) {
    if (type instanceof ClassName name) {
      text.append(TYPE_START).append(name.packageName()).append(TYPE_PACKAGE_END);
      text.append(String.join(".", name.simpleNames())).append(TYPE_END);
    } else if (type instanceof ParameterizedTypeName parameterized) {
      type(parameterized.rawType());
      text.append('<');
      for (int i = 0; i < parameterized.typeArguments().size(); i++) {
        text.append(i > 0 ? ", " : "");
        type(parameterized.typeArguments().get(i));
      }
      text.append('>');
    } else if (type instanceof ArrayTypeName array) {
      type(array.componentType());
      text.append("[]");
    } else if (type instanceof WildcardTypeName wildcard) {
      text.append('?');
      if (!wildcard.lowerBounds().isEmpty()) {
        text.append(" super ");
        type(wildcard.lowerBounds().get(0));
      } else if (!wildcard.upperBounds().get(0).equals(ClassName.OBJECT)) {
        text.append(" extends ");
        type(wildcard.upperBounds().get(0));
      }
    } else if (type instanceof TypeVariableName variable) {
      text.append(variable.name());
    } else {
      // A primitive or void; type-use annotations are left out everywhere.
      text.append(type.withoutAnnotations());
    }
  }

  /** {@code "..."}, escaped as Java writes a string literal. */
  private void literal(String value) {
    if (value == null) {
      text.append("null");
      return;
    }
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case '\b' -> text.append("\\b");
        case '\f' -> text.append("\\f");
        default -> {
          if (Character.isISOControl(c)) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }
}
