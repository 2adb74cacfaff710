package dev.cascade.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cascade.processor.Sources.compile;
import static dev.cascade.processor.Sources.generatedSource;
import static dev.cascade.processor.Sources.model;

import com.google.testing.compile.Compilation;
import dev.cascade.processor.diagnostic.Message;
import java.io.IOException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one processing round does with several models: every error reported, valid models still
 * generated, and the names the generated SQL uses (JDBI's {@code @ColumnName}, reserved words).
 */
class ProcessorRoundTest {
  private static final JavaFileObject USER =
      model(
          "User",
          """
          @Table("users")
          @HasMany(Post.class)
          public record User(long id, String name) {}
          """);
  private static final JavaFileObject POST =
      model(
          "Post",
          """
          @Table("posts")
          public record Post(long id, @BelongsTo(User.class) long userId, String body) {}
          """);

  @TempDir Path build;

  @Test
  void twoIndependentlyBrokenModelsAreBothReported() {
    JavaFileObject section =
        model(
            "Section",
            """
            @Table("sections")
            @HasMany(value = Task.class, onDelete = OnDelete.SET_NULL)
            public record Section(long id) {}
            """);
    JavaFileObject task =
        model(
            "Task",
            """
            @Table("tasks")
            public record Task(long id, @BelongsTo(Section.class) long sectionId) {}
            """);
    JavaFileObject account =
        model(
            "Account",
            """
            @Table("accounts")
            public record Account(
                @Id String code,
                @Id String email) {}
            """);

    Compilation compilation = compile(section, task, account);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SET_NULL_ON_PRIMITIVE.format(
                "Task", "Task", "sectionId", "long", "java.lang.Long"))
        .inFile(section)
        .onLineContaining("onDelete = OnDelete.SET_NULL");
    assertThat(compilation)
        .hadErrorContaining(Message.MULTIPLE_KEYS.format("Account", "code, email"))
        .inFile(account)
        .onLineContaining("@Id String email");
  }

  @Test
  void brokenModelDoesNotStopAnUnrelatedValidModel() throws IOException {
    JavaFileObject auditEntry =
        model(
            "AuditEntry",
            """
            @Table("audit-log")
            public record AuditEntry(long id, String action) {}
            """);

    BuildDirectory result = BuildDirectory.process(build, USER, POST, auditEntry);

    assertThat(result.errors())
        .containsExactly(Message.INVALID_IDENTIFIER.format("table name", "audit-log"));
    assertThat(result.generatedFiles())
        .containsExactly(
            "test/PostDeleter.java",
            "test/PostRestorer.java",
            "test/UserDeleter.java",
            "test/UserRestorer.java");
  }

  @Test
  void brokenModelStopsTheModelsConnectedToIt() throws IOException {
    JavaFileObject project =
        model(
            "Project",
            """
            @Table("projects")
            @HasMany(Task.class)
            public record Project(long id) {}
            """);
    JavaFileObject task =
        model(
            "Task",
            """
            @Table("tasks")
            public record Task(long id, @BelongsTo(Project.class) long projectId, @Column("due date") String due) {}
            """);

    BuildDirectory result = BuildDirectory.process(build, USER, POST, project, task);

    assertThat(result.errors())
        .containsExactly(Message.INVALID_IDENTIFIER.format("column name of Task.due,", "due date"));
    assertThat(result.generatedFiles())
        .containsExactly(
            "test/PostDeleter.java",
            "test/PostRestorer.java",
            "test/UserDeleter.java",
            "test/UserRestorer.java");
  }

  @Test
  void jdbiColumnNameIsHonouredAsTheColumnName() {
    JavaFileObject post =
        model(
            "Post",
            """
            import org.jdbi.v3.core.mapper.reflect.ColumnName;

            @Table("posts")
            public record Post(
                long id,
                @ColumnName("author") @BelongsTo(User.class) long userId,
                @ColumnName("text") String body) {}
            """);

    Compilation compilation = compile(USER, post);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.UserDeleter"))
        .contains("\"DELETE FROM posts WHERE author IN (\"");
    String postDeleter = generatedSource(compilation, "test.PostDeleter");
    assertThat(postDeleter).contains("\"SELECT id, author, text FROM posts WHERE id IN (<ids>)\"");
    assertThat(postDeleter).contains("Columns.mapper(ctx, String.class, \"posts\", \"text\")");
  }

  @Test
  void columnAnnotationNamesTheForeignKeyToo() {
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            public record Post(long id, @Column("written_by") @BelongsTo(User.class) long userId) {}
            """);

    Compilation compilation = compile(USER, post);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.UserDeleter"))
        .contains("\"DELETE FROM posts WHERE written_by IN (\"");
  }

  @Test
  void reservedWordTableCompilesAndIsQuotedPerDialect() {
    JavaFileObject customer =
        model(
            "Customer",
            """
            @Table("customers")
            @HasMany(Order.class)
            public record Customer(long id, String name) {}
            """);
    JavaFileObject order =
        model(
            "Order",
            """
            @Table("order")
            public record Order(long id, @BelongsTo(Customer.class) long customerId, long cents) {}
            """);

    Compilation compilation = compile(customer, order);

    assertThat(compilation).succeededWithoutWarnings();
    String deleter = generatedSource(compilation, "test.CustomerDeleter");
    // One text for every database: the name in double quotes, which the runtime renders per database.
    assertThat(deleter).contains("DELETE_ORDER = \"DELETE FROM \\\"order\\\" WHERE customer_id IN (\"");
    assertThat(deleter).contains("\"delete\", \"order\", DELETE_ORDER,");
    assertThat(deleter).doesNotContain("_MYSQL");
    assertThat(deleter)
        .contains("\"reserved\", \"order\", Dialect.H2, Dialect.POSTGRESQL, Dialect.SQLITE, Dialect.MYSQL,");
    assertThat(generatedSource(compilation, "test.OrderDeleter"))
        .contains("\"DELETE FROM \\\"order\\\" WHERE id IN (<ids>)\"");
  }

  @Test
  void keylessLeafChildIsDeletedThroughItsParentAndGetsNoDeleter() {
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            @HasMany(Tagging.class)
            public record Post(long id, String body) {}
            """);
    JavaFileObject tagging =
        model(
            "Tagging",
            """
            @Table("taggings")
            public record Tagging(@BelongsTo(Post.class) long postId, String tag) {}
            """);

    Compilation compilation = compile(post, tagging);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles().stream().map(JavaFileObject::getName).toList())
        .containsExactly(
            "/SOURCE_OUTPUT/test/PostDeleter.java", "/SOURCE_OUTPUT/test/PostRestorer.java");
    assertThat(generatedSource(compilation, "test.PostDeleter"))
        .contains("\"DELETE FROM taggings WHERE post_id IN (\"");
  }

  @Test
  void keylessChildOfATreeAndOfAnotherParentCompiles() {
    JavaFileObject folder =
        model(
            "Folder",
            """
            @Table("folders")
            @HasMany(value = Folder.class, foreignKey = "parent_id")
            @HasMany(FolderLabel.class)
            public record Folder(long id, @BelongsTo(Folder.class) Long parentId) {}
            """);
    JavaFileObject label =
        model(
            "Label",
            """
            @Table("labels")
            @HasMany(FolderLabel.class)
            public record Label(long id) {}
            """);
    JavaFileObject folderLabel =
        model(
            "FolderLabel",
            """
            @Table("folder_labels")
            public record FolderLabel(@BelongsTo(Folder.class) long folderId, @BelongsTo(Label.class) long labelId) {}
            """);

    Compilation compilation = compile(folder, label, folderLabel);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.FolderRestorer"))
        .contains("Restored folder_labels whose parent is still deleted (folder_labels.label_id -> labels).");
  }

  @Test
  void everyDeleterIsListedInMetaInfServicesForJournalPurge() {
    JavaFileObject tagging =
        model(
            "Tagging",
            """
            @Table("taggings")
            public record Tagging(@BelongsTo(Post.class) long postId, String tag) {}
            """);
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            @HasMany(Tagging.class)
            public record Post(long id, @BelongsTo(User.class) long userId, String body) {}
            """);

    Compilation compilation = compile(USER, post, tagging);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.cascade.runtime.internal.GeneratedDeleter")
        .contentsAsUtf8String()
        .isEqualTo("test.PostDeleter$Registration\ntest.UserDeleter$Registration\n");
  }

  @Test
  void nestedRecordGetsADeleterNamedAfterItsEnclosingClassWithItsVisibility() {
    JavaFileObject blog =
        model(
            "Blog",
            """
            public class Blog {
              @Table("authors")
              record Author(long id, String name) {}
            }
            """);

    Compilation compilation = compile(blog);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.Blog_AuthorDeleter"))
        .contains("\nfinal class Blog_AuthorDeleter {");
  }

  /**
   * Generated code names runtime, JDBI and JDK types by their simple names where it can: a model
   * or a column type with one of those names, or with the name of a class nested in the deleter,
   * must still compile, written in full where it clashes.
   */
  @Test
  void modelsAndColumnTypesNamedLikeTheTypesGeneratedCodeUsesCompile() {
    JavaFileObject handle =
        model(
            "Handle",
            """
            @Table("handles")
            @HasMany(Strategy.class)
            public record Handle(long id, String name, Instant deletedAt) {}
            """);
    JavaFileObject strategy =
        model(
            "Strategy",
            """
            @Table("strategies")
            public record Strategy(
                long id, @BelongsTo(Handle.class) long handleId, other.Collection tags, Instant deletedAt) {}
            """);
    JavaFileObject registration =
        model(
            "Registration",
            """
            @Table("registrations")
            public record Registration(long id, java.util.List<other.Collection> tags) {}
            """);
    JavaFileObject collection =
        com.google.testing.compile.JavaFileObjects.forSourceString(
            "other.Collection", "package other;\n\npublic record Collection(String value) {}\n");

    Compilation compilation = compile(handle, strategy, registration, collection);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.RegistrationDeleter"))
        .contains("static final RowMapper<test.Registration> ROW_MAPPER");
  }
}
