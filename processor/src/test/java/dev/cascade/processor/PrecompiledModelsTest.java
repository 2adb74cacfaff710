package dev.cascade.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.cascade.processor.Sources.compile;
import static dev.cascade.processor.Sources.generatedSource;
import static dev.cascade.processor.Sources.model;

import com.google.testing.compile.Compilation;
import dev.cascade.processor.diagnostic.Message;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models compiled earlier are read from their class files, as in an incremental build that
 * recompiles one record, or a model module used as a jar.
 */
class PrecompiledModelsTest {
  private static final JavaFileObject USER =
      model(
          "User",
          """
          @Table("users")
          @HasMany(Post.class)
          @HasMany(value = Comment.class, foreignKey = "author_id", onDelete = OnDelete.SET_NULL)
          @Deletable(strategy = DeleteStrategy.SOFT)
          public record User(long id, String name, Instant deletedAt) {}
          """);
  private static final JavaFileObject POST =
      model(
          "Post",
          """
          @Table("posts")
          @HasMany(Comment.class)
          public record Post(long id, @BelongsTo(User.class) long userId, Instant deletedAt) {}
          """);
  private static final JavaFileObject COMMENT =
      model(
          "Comment",
          """
          @Table("comments")
          public record Comment(
              long id,
              @BelongsTo(Post.class) long postId,
              @BelongsTo(User.class) Long authorId,
              Instant deletedAt) {}
          """);

  @TempDir Path classes;

  @Test
  void recompilingOnlyTheParentStillCoversThePrecompiledChildren() throws IOException {
    Compilation full = compile(USER, POST, COMMENT);
    assertThat(full).succeededWithoutWarnings();
    writeClassFiles(full);

    Compilation incremental = compileAgainstClasses(USER);

    assertThat(incremental).succeededWithoutWarnings();
    assertThat(incremental.generatedSourceFiles().stream().map(JavaFileObject::getName).toList())
        .containsExactly(
            "/SOURCE_OUTPUT/test/UserDeleter.java", "/SOURCE_OUTPUT/test/UserRestorer.java");
    String deleter = generatedSource(incremental, "test.UserDeleter");
    assertThat(deleter)
        .contains("\"DELETE FROM comments WHERE post_id IN (\" + POSTS_IN_CASCADE + \")\"");
    assertThat(deleter).contains("\"DELETE FROM posts WHERE user_id IN (\"");
    assertThat(deleter).contains("\"nullify\", \"comments\", \"author_id\", NULLIFY_COMMENTS_AUTHOR_ID,");
    assertThat(deleter).contains(".strategy(SOFT)");
    assertThat(deleter).isEqualTo(generatedSource(full, "test.UserDeleter"));
  }

  @Test
  void recompiledChildIsCheckedAgainstItsPrecompiledParent() throws IOException {
    Compilation full = compile(USER, POST, COMMENT);
    assertThat(full).succeededWithoutWarnings();
    writeClassFiles(full);
    JavaFileObject changedComment =
        model(
            "Comment",
            """
            @Table("comments")
            public record Comment(
                long id,
                @BelongsTo(Post.class) String postId,
                @BelongsTo(User.class) Long authorId,
                Instant deletedAt) {}
            """);

    Compilation incremental = compileAgainstClasses(changedComment);

    assertThat(incremental).hadErrorCount(1);
    assertThat(incremental)
        .hadErrorContaining(
            Message.FOREIGN_KEY_TYPE_MISMATCH.format(
                "Comment",
                "postId",
                "java.lang.String",
                "Post",
                "Post",
                "id",
                "long",
                "postId",
                "java.lang.Long"))
        .inFile(changedComment)
        .onLineContaining("@BelongsTo(Post.class) String postId");
  }

  @Test
  void aChildInAModuleAfterItsParentsIsToldThatTheParentCannotNameIt() throws IOException {
    JavaFileObject account =
        model(
            "Account",
            """
            @Table("accounts")
            public record Account(long id, String name) {}
            """);
    Compilation core = compile(account);
    assertThat(core).succeededWithoutWarnings();
    writeClassFiles(core, "test/Account.class");
    JavaFileObject invoice =
        model(
            "Invoice",
            """
            @Table("invoices")
            public record Invoice(long id, @BelongsTo(Account.class) long accountId) {}
            """);

    Compilation billing = compileAgainstClasses(invoice);

    assertThat(billing).hadErrorCount(1);
    assertThat(billing)
        .hadErrorContaining(
            Message.BELONGS_TO_WITHOUT_HAS_MANY_COMPILED_EARLIER.format(
                "Account", "Invoice", "accountId", "Account", "Invoice", "account_id", "Invoice", "Invoice"))
        .inFile(invoice)
        .onLineContaining("@BelongsTo(Account.class)");
  }

  private Compilation compileAgainstClasses(JavaFileObject... sources) {
    List<File> classpath = new ArrayList<>();
    classpath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return javac().withProcessors(new CascadeProcessor()).withClasspath(classpath).compile(sources);
  }

  /** The class files a compilation wrote, into {@link #classes}, as a build directory holds them. */
  private void writeClassFiles(Compilation compilation) throws IOException {
    writeClassFiles(compilation, "test/Post.class");
  }

  private void writeClassFiles(Compilation compilation, String expected) throws IOException {
    String prefix = "/CLASS_OUTPUT/";
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS && file.getName().startsWith(prefix)) {
        Path target = classes.resolve(file.getName().substring(prefix.length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    assertThat(Files.exists(classes.resolve(expected))).isTrue();
  }
}
