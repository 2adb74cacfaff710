package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.cascade.runtime.internal.GeneratedDeleter}: every deleter of
 * the compilation, by its nested {@code Registration}, one a line, sorted, so that {@code
 * Journal.purge} finds them all with a {@code ServiceLoader}, as AutoService lists services.
 */
public final class ServicesWriter {
  private ServicesWriter() {}

  /** The file's path in the class output. */
  public static final String PATH = "META-INF/services/" + RuntimeTypes.GENERATED_DELETER.reflectionName();

  /** Writes the file for these deleters; nothing for none. */
  public static void write(Filer filer, Collection<ClassName> deleters) throws IOException {
    if (deleters.isEmpty()) {
      return;
    }
    TreeSet<String> lines = new TreeSet<>();
    deleters.forEach(deleter -> lines.add(DeleterWriter.registration(deleter).reflectionName()));
    try (Writer out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH).openWriter()) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
  }
}
