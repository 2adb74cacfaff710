package dev.cascade.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.cascade.annotations.Table;
import dev.cascade.runtime.CascadeException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models in a named module (a {@code module-info.java}), compiled by javac with the library's jars
 * on the module path, as an application with modules builds them.
 */
class ModularModelsTest {
  private static final String USER =
      """
      package app;

      import dev.cascade.annotations.Table;

      @Table("users")
      public record User(long id, String name) {}
      """;
  private static final String PROVIDES =
      "provides dev.cascade.runtime.internal.GeneratedDeleter with app.UserDeleter.Registration;";

  @TempDir static Path jars;
  private static String modulePath;

  @TempDir Path work;

  /** The annotations, the runtime and JDBI as jars: a directory is no module on the module path. */
  @BeforeAll
  static void jars() throws IOException, URISyntaxException {
    modulePath =
        Stream.of(
                jar(Table.class, "dev.cascade.annotations"),
                jar(CascadeException.class, "dev.cascade.runtime"),
                location(Handle.class),
                location(io.leangen.geantyref.TypeToken.class))
            .map(Path::toString)
            .collect(Collectors.joining(File.pathSeparator));
  }

  @Test
  void aModuleThatDoesNotReadJavaCompilerGetsCodeWithoutGeneratedAndANote() throws IOException {
    Result result = compile("requires java.sql;\n  " + PROVIDES);

    assertThat(result.errors()).isEmpty();
    assertThat(result.generated("UserDeleter")).doesNotContain("@Generated");
    assertThat(result.generated("UserDeleter")).contains("public final class UserDeleter");
    assertThat(result.generated("UserRestorer")).doesNotContain("@Generated");
    assertThat(result.notes())
        .containsExactly(
            "module app does not read java.compiler, so the classes Cascade generates in it carry no"
                + " @javax.annotation.processing.Generated: add `requires static java.compiler;` to its"
                + " module-info.java to have it");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aModuleThatReadsJavaCompilerGetsGenerated() throws IOException {
    Result direct = compile("requires java.sql;\n  requires static java.compiler;\n  " + PROVIDES);
    Result transitive = compile("requires java.se;\n  " + PROVIDES);

    for (Result result : List.of(direct, transitive)) {
      assertThat(result.errors()).isEmpty();
      assertThat(result.generated("UserDeleter")).contains("@Generated(\"dev.cascade.processor.CascadeProcessor\")");
      assertThat(result.notes()).isEmpty();
      assertThat(result.warnings()).isEmpty();
    }
  }

  @Test
  void aModuleThatDoesNotProvideItsDeletersGetsAWarningWithTheLineToAdd() throws IOException {
    Result result = compile("requires java.sql;\n  requires static java.compiler;");

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings())
        .containsExactly(
            "module app does not provide app.UserDeleter.Registration to Journal.purge, which finds"
                + " deleters with a ServiceLoader, and that reads a named module's `provides`, not its"
                + " META-INF/services, so it would leave the operations of their tables alone: add `"
                + PROVIDES.replace(";", "") + ";` to module-info.java");
  }

  @Test
  void aModuleThatDoesNotReadJavaSqlGetsAnErrorThatSaysSo() throws IOException {
    Result result = compile("requires static java.compiler;\n  " + PROVIDES);

    assertThat(result.errors())
        .contains(
            "module app does not read java.sql, which the classes Cascade generates in it use"
                + " (java.sql.ResultSet, in their row mappers): add `requires java.sql;` to its"
                + " module-info.java");
  }

  /** The module-info.java the README shows, compiled as it is, with the two models it names. */
  @Test
  void theReadmesModuleCompilesWithoutAWarning() throws IOException, URISyntaxException {
    String readme = Files.readString(Path.of(getClass().getResource("/modular/module-info.java").toURI()));

    Result result =
        compile(
            readme,
            Map.of(
                "User",
                "package app;\n\nimport dev.cascade.annotations.HasMany;\nimport dev.cascade.annotations.Table;\n\n"
                    + "@Table(\"users\")\n@HasMany(Post.class)\npublic record User(long id, String name) {}\n",
                "Post",
                "package app;\n\nimport dev.cascade.annotations.BelongsTo;\nimport dev.cascade.annotations.Table;\n\n"
                    + "@Table(\"posts\")\npublic record Post(long id, @BelongsTo(User.class) long userId) {}\n"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.notes()).isEmpty();
    assertThat(result.generated("PostDeleter")).contains("@Generated(\"dev.cascade.processor.CascadeProcessor\")");
  }

  private Result compile(String directives) throws IOException {
    return compile(
        "module app {\n  requires dev.cascade.annotations;\n  requires dev.cascade.runtime;\n  requires org.jdbi.v3.core;\n  "
            + directives + "\n}\n",
        Map.of("User", USER));
  }

  private Result compile(String moduleInfo, Map<String, String> models) throws IOException {
    Path sources = Files.createDirectories(work.resolve("src/app"));
    Files.writeString(sources.resolve("module-info.java"), moduleInfo);
    List<Path> files = new ArrayList<>(List.of(sources.resolve("module-info.java")));
    for (Map.Entry<String, String> model : models.entrySet()) {
      Path file = Files.createDirectories(sources.resolve("app")).resolve(model.getKey() + ".java");
      Files.writeString(file, model.getValue());
      files.add(file);
    }
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path generated = Files.createDirectories(work.resolve("generated"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              fileManager,
              diagnostics,
              List.of("--module-path", modulePath, "-d", classes.toString(), "-s", generated.toString()),
              null,
              fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new CascadeProcessor()));
      task.call();
    }
    return new Result(generated.resolve("app"), diagnostics.getDiagnostics());
  }

  private record Result(Path generated, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    String generated(String name) throws IOException {
      return Files.readString(generated.resolve(name + ".java"));
    }

    List<String> errors() {
      return messages(Diagnostic.Kind.ERROR);
    }

    List<String> warnings() {
      return messages(Diagnostic.Kind.WARNING);
    }

    List<String> notes() {
      return messages(Diagnostic.Kind.NOTE);
    }

    private List<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream().filter(d -> d.getKind() == kind).map(d -> d.getMessage(null)).toList();
    }
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The jar the class is in; a jar of its class directory, named as the library names it, in a build. */
  private static Path jar(Class<?> type, String moduleName) throws IOException, URISyntaxException {
    Path location = location(type);
    if (!Files.isDirectory(location)) {
      return location;
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), moduleName);
    Path jar = jars.resolve(moduleName + ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, manifest);
        Stream<Path> walk = Files.walk(location)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new JarEntry(location.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
    return jar;
  }
}
