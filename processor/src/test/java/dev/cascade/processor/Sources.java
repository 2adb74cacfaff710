package dev.cascade.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Model sources for compile-testing, and the compiler that runs Cascade's processor on them. */
final class Sources {
  /** Every model file starts like this, so a test shows only the record. */
  private static final String HEADER =
      "package test;\n\nimport dev.cascade.annotations.*;\nimport java.time.Instant;\n\n";

  /** A {@code +} the writer wrapped onto a new line. */
  private static final Pattern WRAPPED_PLUS = Pattern.compile("\\s*\\n\\s*\\+\\s*");

  /** Where the writer cut a long SQL literal in two: a quote, a plus, a quote. */
  private static final Pattern LITERAL_JOIN = Pattern.compile("\" \\+ \"");

  private Sources() {}

  /** {@code test.<simpleName>}, with Cascade's annotations and {@code Instant} imported. */
  static JavaFileObject model(String simpleName, String body) {
    return JavaFileObjects.forSourceString("test." + simpleName, HEADER + body);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new CascadeProcessor()).compile(sources);
  }

  /** The text of the compilation's only error. */
  static String onlyError(Compilation compilation) {
    List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
    if (errors.size() != 1) {
      throw new AssertionError("expected one error, got " + errors);
    }
    return errors.get(0).getMessage(Locale.ROOT);
  }

  /** The code a message suggests, between its first pair of backquotes. */
  static String suggestedCode(String message) {
    int start = message.indexOf('`');
    int end = message.indexOf('`', start + 1);
    if (start < 0 || end < 0) {
      throw new AssertionError("no `code` in: " + message);
    }
    return message.substring(start + 1, end);
  }

  /**
   * A generated source with its wrapped string expressions on one line and its cut literals joined
   * again, so that a test can look for a whole statement, such as {@code "DELETE FROM comments
   * WHERE post_id IN (" + POSTS_IN_CASCADE + ")"}.
   */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no generated " + qualifiedName));
    try {
      String oneLine = WRAPPED_PLUS.matcher(file.getCharContent(true)).replaceAll(" + ");
      return LITERAL_JOIN.matcher(oneLine).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
