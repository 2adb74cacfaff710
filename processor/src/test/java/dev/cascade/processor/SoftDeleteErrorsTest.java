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
import org.junit.jupiter.params.provider.CsvSource;
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
  void deletedAtGivenTheComponentsJavaNameSaysWhichColumnToName() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @Deletable(
                strategy = DeleteStrategy.SOFT,
                deletedAt = "removedAt")
            public record User(long id, String name, Instant removedAt) {}
            """);

    Compilation compilation = compile(user);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.DELETED_AT_NAMES_COMPONENT.format(
                "@Deletable(strategy = SOFT, deletedAt = \"removedAt\")", "User", "users", "removedAt", "removedAt",
                "removed_at", "removed_at"))
        .inFile(user)
        .onLineContaining("deletedAt = \"removedAt\"");
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

  private static final String SOFT_USER =
      """
      @Table("users")
      @HasMany(Post.class)
      @Deletable(strategy = DeleteStrategy.SOFT)
      public record User(long id, Instant deletedAt) {}
      """;
  private static final String POST =
      """
      @Table("posts")
      @HasMany(Comment.class)
      public record Post(long id, @BelongsTo(User.class) long userId, Instant deletedAt) {}
      """;
  private static final String HARD_COMMENT =
      """
      @Table("comments")
      public record Comment(long id, @BelongsTo(Post.class) long postId, String body) {}
      """;

  @Test
  void softCascadeReachingATableWithoutTheColumnNamesThatTableAndPath() {
    JavaFileObject user = model("User", SOFT_USER);

    Compilation compilation = compile(user, model("Post", POST), model("Comment", HARD_COMMENT));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SOFT_CASCADE_REACHES_HARD_TABLE.format(
                "User",
                "comments",
                "users -> posts -> comments",
                "which has no soft-delete column deleted_at",
                "add a component `Instant deletedAt` to Comment",
                "onDelete = RESTRICT (or SET_NULL, once Comment.postId is a Long)",
                "@HasMany(Comment.class) of Post",
                "User"))
        .inFile(user)
        .onLineContaining("strategy = DeleteStrategy.SOFT");
  }

  /**
   * A join table without a key: taking it out of the cascade (RESTRICT, SET_NULL) is no way out, so
   * the message offers the column and the other strategies only (a newcomer's trial on a Hibernate
   * schema was told to make its memberships RESTRICT).
   */
  @Test
  void softCascadeReachingAJoinTableOffersTheColumnOrAnotherStrategyOnly() {
    JavaFileObject user = model("User", SOFT_USER);
    String membership =
        """
        @Table("post_tags")
        public record PostTag(@BelongsTo(Post.class) long postId, String tag) {}
        """;

    Compilation compilation =
        compile(user, model("Post", POST.replace("@HasMany(Comment.class)", "@HasMany(PostTag.class)")),
            model("PostTag", membership));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SOFT_CASCADE_REACHES_KEYLESS_TABLE.format(
                "User",
                "post_tags",
                "users -> posts -> post_tags",
                "which has no soft-delete column deleted_at",
                "add a component `Instant deletedAt` to PostTag",
                "User",
                "Post"))
        .inFile(user)
        .onLineContaining("strategy = DeleteStrategy.SOFT");
    assertThat(
            compile(user, model("Post", POST.replace("@HasMany(Comment.class)", "@HasMany(PostTag.class)")),
                model("PostTag", membership.replace("String tag)", "String tag, Instant deletedAt)"))))
        .succeededWithoutWarnings();
  }

  /** Each way out the message above offers, followed as written, compiles. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
          add the column          | String body)                       | String body, Instant deletedAt)
          RESTRICT                | @HasMany(Comment.class)            | @HasMany(value = Comment.class, onDelete = OnDelete.RESTRICT)
          SET_NULL with a Long    | @HasMany(Comment.class)            | @HasMany(value = Comment.class, onDelete = OnDelete.SET_NULL)
          TRASH                   | strategy = DeleteStrategy.SOFT     | strategy = DeleteStrategy.TRASH
          PERMANENT               | strategy = DeleteStrategy.SOFT     | strategy = DeleteStrategy.PERMANENT
          """)
  void everyFixTheSoftCascadeMessageOffersCompiles(String fix, String written, String fixed) {
    String comment = HARD_COMMENT;
    if (fix.startsWith("SET_NULL")) {
      comment = comment.replace("long postId", "Long postId");
    }

    Compilation compilation =
        compile(
            model("User", SOFT_USER.replace(written, fixed)),
            model("Post", POST.replace(written, fixed)),
            model("Comment", comment.replace(written, fixed)));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void softCascadeReachingATableThroughSeveralRelationsNamesThemAll() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(Post.class)
            @HasMany(Comment.class)
            @Deletable(strategy = DeleteStrategy.SOFT)
            public record User(long id, Instant deletedAt) {}
            """);
    String comment =
        """
        @Table("comments")
        public record Comment(
            long id,
            @BelongsTo(Post.class) Long postId,
            @BelongsTo(User.class) Long authorId,
            String deletedAt) {}
        """;

    Compilation compilation = compile(user, model("Post", POST), model("Comment", comment));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SOFT_CASCADE_REACHES_HARD_TABLE.format(
                "User",
                "comments",
                "users -> comments",
                "whose soft-delete column deleted_at is a java.lang.String, not a time",
                "declare Comment.deletedAt as an Instant",
                "onDelete = SET_NULL or RESTRICT",
                "@HasMany(Comment.class) of User and @HasMany(Comment.class) of Post",
                "User"))
        .inFile(user)
        .onLineContaining("strategy = DeleteStrategy.SOFT");
    assertThat(
            compile(
                model(
                    "User",
                    SOFT_USER.replace(
                        "@HasMany(Post.class)",
                        "@HasMany(Post.class)\n@HasMany(value = Comment.class, onDelete = OnDelete.SET_NULL)")),
                model(
                    "Post",
                    POST.replace(
                        "@HasMany(Comment.class)",
                        "@HasMany(value = Comment.class, onDelete = OnDelete.RESTRICT)")),
                model("Comment", comment)))
        .succeededWithoutWarnings();
    assertThat(
            compile(user, model("Post", POST), model("Comment", comment.replace("String deletedAt", "Instant deletedAt"))))
        .succeededWithoutWarnings();
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
