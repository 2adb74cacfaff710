package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.cascade.runtime.internal.GeneratedDeleter}: every deleter of
 * the compilation, by its nested {@code Registration}, one a line, sorted, so that {@code
 * Journal.purge} finds them all with a {@code ServiceLoader}, as AutoService lists services. A
 * build that compiles some of a module's models (an IDE's, or Maven's without incremental
 * compilation) keeps the lines of the file it finds in the class output whose classes are still
 * there: it wrote only its own, and a newcomer's trial saw {@code Journal.purge} then purge nothing
 * of the other tables, without a word.
 */
public final class ServicesWriter {
  private ServicesWriter() {}

  /** The file's path in the class output. */
  public static final String PATH = "META-INF/services/" + RuntimeTypes.GENERATED_DELETER.reflectionName();

  /** Writes the file for these deleters and the earlier ones still there; nothing for none. */
  public static void write(Filer filer, Elements elements, Collection<ClassName> deleters) throws IOException {
    if (deleters.isEmpty()) {
      return;
    }
    TreeSet<String> lines = new TreeSet<>(earlier(filer, elements));
    deleters.forEach(deleter -> lines.add(DeleterWriter.registration(deleter).reflectionName()));
    try (Writer out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH).openWriter()) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
  }

  /** The lines of the file an earlier build left in the class output whose classes are still there. */
  private static List<String> earlier(Filer filer, Elements elements) {
    try (BufferedReader in =
        new BufferedReader(filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH).openReader(true))) {
      return in.lines()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .filter(line -> elements.getTypeElement(line.replace('$', '.')) != null)
          .toList();
    } catch (IOException | IllegalArgumentException | UncheckedIOException none) {
      return List.of();
    }
  }
}
