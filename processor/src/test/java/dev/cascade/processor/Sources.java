package dev.cascade.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;

/** Model sources for compile-testing, and the compiler that runs Cascade's processor on them. */
final class Sources {
  /** Every model file starts like this, so a test shows only the record. */
  private static final String HEADER =
      "package test;\n\nimport dev.cascade.annotations.*;\nimport java.time.Instant;\n\n";

  /** Where the writer cut a long SQL literal in two: a quote, a plus, a quote. */
  private static final Pattern LITERAL_JOIN = Pattern.compile("\"\\s*\\+\\s*\"");

  private Sources() {}

  /** {@code test.<simpleName>}, with Cascade's annotations and {@code Instant} imported. */
  static JavaFileObject model(String simpleName, String body) {
    return JavaFileObjects.forSourceString("test." + simpleName, HEADER + body);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new CascadeProcessor()).compile(sources);
  }

  /**
   * A generated source with its cut string literals joined again, so that a test can look for a
   * whole statement: {@code "DELETE FROM comments WHERE post_id IN (" + POSTS_IN_CASCADE + ")"}
   * stays as it is, but two literals in a row become one.
   */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no generated " + qualifiedName));
    try {
      return LITERAL_JOIN.matcher(file.getCharContent(true)).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
