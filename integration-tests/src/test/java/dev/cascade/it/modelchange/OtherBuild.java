package dev.cascade.it.modelchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Another build of the application, over the same tables with another model: its records are test
 * resources ({@code modelchange/<name>}), compiled with the processor when a test asks for them, and its
 * generated classes loaded beside this build's, as two builds run side by side in a rolling deploy
 * (one compilation refuses two records of one table). Its generated methods are called by name.
 */
final class OtherBuild {
  private final ClassLoader loader;
  private final String pkg;

  private OtherBuild(ClassLoader loader, String pkg) {
    this.loader = loader;
    this.pkg = pkg;
  }

  /** Compiles the records under {@code modelchange/<name>}, package {@code dev.cascade.it.<name>}. */
  static OtherBuild compile(String name) {
    try {
      Path sources = Path.of(OtherBuild.class.getResource("/modelchange/" + name).toURI());
      Path out = Files.createTempDirectory("cascade-" + name + "-build");
      // Surefire puts the test class path in java.class.path, with the processor (a provided dependency).
      List<String> arguments =
          new ArrayList<>(
              List.of("-processor", "dev.cascade.processor.CascadeProcessor",
                  "-classpath", System.getProperty("java.class.path"), "-d", out.toString()));
      try (Stream<Path> files = Files.walk(sources)) {
        files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int status = javac.run(null, null, null, arguments.toArray(String[]::new));
      if (status != 0) {
        throw new AssertionError("the " + name + " build did not compile (javac exit " + status + ")");
      }
      URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, OtherBuild.class.getClassLoader());
      return new OtherBuild(loader, "dev.cascade.it." + name);
    } catch (URISyntaxException | MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Calls a public static method of a generated class of this build ({@code "ShelfRestorer"}), and
   * throws what it throws.
   */
  Object call(String type, String method, Class<?>[] parameters, Object... arguments) {
    try {
      Method called = loader.loadClass(pkg + "." + type).getMethod(method, parameters);
      return called.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException thrown) {
        throw thrown;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
