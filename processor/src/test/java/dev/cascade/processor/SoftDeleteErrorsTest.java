package dev.cascade.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.common.truth.Truth.assertThat;
import static dev.cascade.processor.Sources.compile;
import static dev.cascade.processor.Sources.generatedSource;
import static dev.cascade.processor.Sources.model;

import com.google.testing.compile.Compilation;
import dev.cascade.processor.diagnostic.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A {@code SOFT} model needs a time column, and so does every table its cascade marks (error 9). */
class SoftDeleteErrorsTest {

  @Test
  void softModelWithoutDeletedAtPointsAtTheStrategy() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @Deletable(strategy = DeleteStrategy.SOFT)
            public record User(long id, String name) {}
            """);

    Compilation compilation = compile(user);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SOFT_WITHOUT_DELETED_AT.format(
                "@Deletable(strategy = SOFT)", "User", "users", "deleted_at", "deletedAt"))
        .inFile(user)
        .onLineContaining("strategy = DeleteStrategy.SOFT");
  }

  @Test
  void deletedAtNamingAMissingColumnPointsAtTheAttribute() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @Deletable(
                strategy = DeleteStrategy.TRASH,
                deletedAt = "removed_at")
            public record User(long id, String name, Instant deletedAt) {}
            """);

    Compilation compilation = compile(user);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SOFT_WITHOUT_DELETED_AT.format(
                "@Deletable(deletedAt = \"removed_at\")", "User", "users", "removed_at", "removedAt"))
        .inFile(user)
        .onLineContaining("deletedAt = \"removed_at\"");
  }

  @Test
  void deletedAtThatIsNotATimePointsAtTheComponent() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @Deletable(strategy = DeleteStrategy.SOFT)
            public record User(
                long id,
                String deletedAt) {}
            """);

    Compilation compilation = compile(user);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DELETED_AT_NOT_TIME.format("User", "deletedAt", "users", "java.lang.String"))
        .inFile(user)
        .onLineContaining("String deletedAt");
  }

  @Test
  void writtenDeletedAtColumnMustBeATimeToo() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @Deletable(deletedAt = "archived")
            public record User(
                long id,
                boolean archived) {}
            """);

    assertThat(compile(user))
        .hadErrorContaining(Message.DELETED_AT_NOT_TIME.format("User", "archived", "users", "boolean"))
        .inFile(user)
        .onLineContaining("boolean archived");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.time.Instant",
        "java.time.OffsetDateTime",
        "java.time.LocalDateTime",
        "java.sql.Timestamp"
      })
  void everyTimeTypeCanHoldTheDeletionTime(String type) {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @Deletable(strategy = DeleteStrategy.SOFT)
            public record User(long id, %s deletedAt) {}
            """
                .formatted(type));

    Compilation compilation = compile(user);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.UserDeleter"))
        .contains(
            "\"UPDATE users SET deleted_at = :deletedAt WHERE deleted_at IS NULL AND id IN (<ids>)\"");
  }

  @Test
  void softCascadeReachingATableWithoutTheColumnNamesThatTableAndPath() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(Post.class)
            @Deletable(strategy = DeleteStrategy.SOFT)
            public record User(long id, Instant deletedAt) {}
            """);
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            @HasMany(Comment.class)
            public record Post(long id, @BelongsTo(User.class) long userId, Instant deletedAt) {}
            """);
    JavaFileObject comment =
        model(
            "Comment",
            """
            @Table("comments")
            public record Comment(long id, @BelongsTo(Post.class) long postId, String body) {}
            """);

    Compilation compilation = compile(user, post, comment);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SOFT_CASCADE_REACHES_HARD_TABLE.format(
                "User", "comments", "users -> posts -> comments", "deleted_at", "Comment"))
        .inFile(user)
        .onLineContaining("strategy = DeleteStrategy.SOFT");
  }

  @Test
  void setNullAndRestrictChildrenNeedNoSoftDeleteColumn() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(value = Invoice.class, onDelete = OnDelete.RESTRICT)
            @HasMany(value = Session.class, onDelete = OnDelete.SET_NULL)
            @Deletable(strategy = DeleteStrategy.SOFT)
            public record User(long id, Instant deletedAt) {}
            """);
    JavaFileObject invoice =
        model(
            "Invoice",
            """
            @Table("invoices")
            public record Invoice(long id, @BelongsTo(User.class) long userId, long cents) {}
            """);
    JavaFileObject session =
        model(
            "Session",
            """
            @Table("sessions")
            public record Session(long id, @BelongsTo(User.class) Long userId) {}
            """);

    Compilation compilation = compile(user, invoice, session);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.UserDeleter")
        .contentsAsUtf8String()
        .contains(".writtenStrategy(DeleteStrategy.SOFT)");
  }
}
