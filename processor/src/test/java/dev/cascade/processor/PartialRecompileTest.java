package dev.cascade.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.cascade.processor.Sources.model;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that compiles some of a module's models into the class output of an earlier build, as an
 * IDE does with the files that changed, or Maven without incremental compilation. A newcomer's
 * trial added a column to a child: its parent's deleter, not compiled again, kept copying the
 * child's columns as they were into the trash, and the restore brought the new one back null; and
 * {@code META-INF/services} then listed the child's deleter alone, so {@code Journal.purge} purged
 * nothing of the parent's table.
 */
class PartialRecompileTest {
  private static final JavaFileObject OWNER =
      model(
          "Owner",
          """
          @Table("owners")
          @HasMany(Item.class)
          @Deletable(strategy = DeleteStrategy.TRASH)
          public record Owner(long id, String name) {}
          """);
  private static final JavaFileObject ITEM =
      model(
          "Item",
          """
          @Table("items")
          public record Item(long id, @BelongsTo(Owner.class) long ownerId, String name) {}
          """);
  private static final JavaFileObject ITEM_WITH_A_NOTE =
      model(
          "Item",
          """
          @Table("items")
          public record Item(long id, @BelongsTo(Owner.class) long ownerId, String name, String note) {}
          """);
  private static final String SERVICES = "META-INF/services/dev.cascade.runtime.internal.GeneratedDeleter";

  @TempDir Path build;

  @Test
  void aChildCompiledAgainHasItsParentsDeleterAndRestorerWrittenAgainForItsNewColumn() throws IOException {
    Path classes = Files.createDirectories(build.resolve("classes"));
    compile(classes, build.resolve("first"), OWNER, ITEM);

    Path again = build.resolve("again");
    compile(classes, again, ITEM_WITH_A_NOTE);

    assertThat(Files.readString(again.resolve("test/OwnerDeleter.java")))
        .contains("INSERT INTO items_trash (id, owner_id, name, note, deleted_at, original_table, deletion_id)");
    assertThat(Files.readString(again.resolve("test/OwnerRestorer.java"))).contains("items_trash.note");
    assertThat(Files.readAllLines(classes.resolve(SERVICES)))
        .containsExactly("test.ItemDeleter$Registration", "test.OwnerDeleter$Registration")
        .inOrder();
  }

  @Test
  void aModelCompiledAloneKeepsTheOtherDeletersInTheServicesFile() throws IOException {
    JavaFileObject note =
        model(
            "Note",
            """
            @Table("notes")
            public record Note(long id, String body) {}
            """);
    Path classes = Files.createDirectories(build.resolve("classes"));
    compile(classes, build.resolve("first"), OWNER, ITEM, note);

    compile(classes, build.resolve("again"), note);

    assertThat(Files.readAllLines(classes.resolve(SERVICES)))
        .containsExactly("test.ItemDeleter$Registration", "test.NoteDeleter$Registration", "test.OwnerDeleter$Registration")
        .inOrder();
  }

  /** Compiles the sources into {@code classes}, with it on the class path, and their generated sources into {@code generated}. */
  private static void compile(Path classes, Path generated, JavaFileObject... sources) throws IOException {
    Files.createDirectories(generated);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostics,
              List.of(
                  "-d", classes.toString(),
                  "-s", generated.toString(),
                  "-classpath", classes + File.pathSeparator + System.getProperty("java.class.path")),
              null,
              List.of(sources));
      task.setProcessors(List.of(new CascadeProcessor()));
      assertThat(task.call()).isTrue();
    }
    assertThat(diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).toList())
        .isEmpty();
  }
}
