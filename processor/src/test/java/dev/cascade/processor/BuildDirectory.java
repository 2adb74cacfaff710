package dev.cascade.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs javac with Cascade's processor as a build does, writing generated sources into a directory.
 * compile-testing hides generated files once a compilation has failed; this shows what a build
 * with errors still wrote.
 */
final class BuildDirectory {
  private final Path generated;
  private final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();

  private BuildDirectory(Path generated) {
    this.generated = generated;
  }

  /** Processes the sources (no class files are written) into {@code root/generated}. */
  static BuildDirectory process(Path root, JavaFileObject... sources) throws IOException {
    BuildDirectory build = new BuildDirectory(Files.createDirectories(root.resolve("generated")));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              build.diagnostics,
              List.of(
                  "-proc:only",
                  "-s",
                  build.generated.toString(),
                  "-classpath",
                  System.getProperty("java.class.path")),
              null,
              List.of(sources));
      task.setProcessors(List.of(new CascadeProcessor()));
      task.call();
    }
    return build;
  }

  /** The generated files, as paths relative to the directory: {@code test/UserDeleter.java}. */
  List<String> generatedFiles() {
    try (Stream<Path> walk = Files.walk(generated)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> generated.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The error messages javac printed. */
  List<String> errors() {
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null))
        .toList();
  }
}
