package dev.cascade.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cascade.processor.Sources.compile;
import static dev.cascade.processor.Sources.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.cascade.processor.diagnostic.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Errors about one model on its own: what carries {@code @Table}, its names, its key, its columns
 * (DESIGN.md compile-time errors 1, 2, 3 and 10).
 */
class ModelErrorsTest {

  @Test
  void tableOnAClassPointsAtTheAnnotation() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            public class User {
              long id;
            }
            """);

    Compilation compilation = compile(user);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.TABLE_NOT_ON_RECORD.format("User", "a class", "User"))
        .inFile(user)
        .onLineContaining("@Table(\"users\")");
  }

  @Test
  void tableOnAnInterfaceSaysItIsAnInterface() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            public interface User {}
            """);

    assertThat(compile(user))
        .hadErrorContaining(Message.TABLE_NOT_ON_RECORD.format("User", "an interface", "User"))
        .inFile(user)
        .onLineContaining("@Table(\"users\")");
  }

  @Test
  void privateNestedRecordPointsAtTheRecord() {
    JavaFileObject blog =
        model(
            "Blog",
            """
            public class Blog {
              @Table("users")
              private record User(long id, String name) {}
            }
            """);

    Compilation compilation = compile(blog);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.RECORD_IS_PRIVATE.format("Blog.User", "Blog_UserDeleter"))
        .inFile(blog)
        .onLineContaining("private record User");
  }

  @Test
  void aModelNamingAPrivateRecordOfAnotherFileIsNotToldTheRecordDoesNotExist() {
    JavaFileObject blog =
        JavaFileObjects.forSourceString(
            "test.Blog",
            """
            package test;

            import dev.cascade.annotations.*;

            public class Blog {
              @Table("posts")
              @HasMany(Comment.class)
              private record Post(long id) {}
            }
            """);
    JavaFileObject comment =
        model(
            "Comment",
            """
            @Table("comments")
            public record Comment(long id, @BelongsTo(Blog.Post.class) long postId) {}
            """);

    Compilation compilation = compile(blog, comment);

    // javac's "has private access", Cascade's on the private record, and one on Comment that says
    // javac could not resolve the class, not that it does not exist.
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("has private access").inFile(comment);
    assertThat(compilation)
        .hadErrorContaining(Message.RECORD_IS_PRIVATE.format("Blog.Post", "Blog_PostDeleter"))
        .inFile(blog)
        .onLineContaining("private record Post");
    assertThat(compilation)
        .hadErrorContaining(
            Message.MISSING_TYPE.format(
                "Comment", "a class named in @BelongsTo on its component postId"))
        .inFile(comment)
        .onLineContaining("public record Comment");
  }

  @Test
  void tableNameWithADashPointsAtTheName() {
    JavaFileObject account =
        model(
            "Account",
            """
            @Table("user-accounts")
            public record Account(long id, String owner) {}
            """);

    Compilation compilation = compile(account);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.INVALID_IDENTIFIER.format("table name", "user-accounts"))
        .inFile(account)
        .onLineContaining("@Table(\"user-accounts\")");
  }

  /** JPA's {@code @Table(schema = "app")} written into the name (a newcomer's trial). */
  @Test
  void aTableNameWithASchemaSaysToUseTheSearchPath() {
    JavaFileObject project =
        model(
            "Project",
            """
            @Table("app.projects")
            public record Project(long id, String name) {}
            """);

    Compilation compilation = compile(project);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.QUALIFIED_TABLE.format("app.projects", "projects", "app"))
        .inFile(project)
        .onLineContaining("@Table(\"app.projects\")");
  }

  @Test
  void tableNameStartingWithADigitIsRejected() {
    JavaFileObject code =
        model(
            "LoginCode",
            """
            @Table("2fa_codes")
            public record LoginCode(long id, String code) {}
            """);

    assertThat(compile(code))
        .hadErrorContaining(Message.INVALID_IDENTIFIER.format("table name", "2fa_codes"))
        .inFile(code)
        .onLineContaining("@Table(\"2fa_codes\")");
  }

  @Test
  void columnNameThatIsNotAnIdentifierPointsAtItsComponent() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            public record User(
                long id,
                @Column("e-mail") String email) {}
            """);

    Compilation compilation = compile(user);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.INVALID_IDENTIFIER.format("column name of User.email,", "e-mail"))
        .inFile(user)
        .onLineContaining("@Column(\"e-mail\") String email");
  }

  @Test
  void jdbiColumnNameIsCheckedLikeColumn() {
    JavaFileObject user =
        model(
            "User",
            """
            import org.jdbi.v3.core.mapper.reflect.ColumnName;

            @Table("users")
            public record User(
                long id,
                @ColumnName("full name") String name) {}
            """);

    assertThat(compile(user))
        .hadErrorContaining(
            Message.INVALID_IDENTIFIER.format("column name of User.name,", "full name"))
        .inFile(user)
        .onLineContaining("@ColumnName(\"full name\") String name");
  }

  @Test
  void trashTableThatIsNotAnIdentifierPointsAtTheAttribute() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @Deletable(
                strategy = DeleteStrategy.TRASH,
                trashTable = "users trash")
            public record User(long id, String name) {}
            """);

    Compilation compilation = compile(user);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.INVALID_IDENTIFIER.format("trashTable", "users trash"))
        .inFile(user)
        .onLineContaining("trashTable = \"users trash\"");
  }

  @Test
  void deletedAtThatIsNotAnIdentifierPointsAtTheAttribute() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @Deletable(
                strategy = DeleteStrategy.SOFT,
                deletedAt = "deleted at")
            public record User(long id, Instant deletedAt) {}
            """);

    assertThat(compile(user))
        .hadErrorContaining(Message.INVALID_IDENTIFIER.format("deletedAt", "deleted at"))
        .inFile(user)
        .onLineContaining("deletedAt = \"deleted at\"");
  }

  @Test
  void secondRecordMirroringATableIsReportedIgnoringCase() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            public record User(long id, String name) {}
            """);
    JavaFileObject member =
        model(
            "Member",
            """
            @Table("USERS")
            public record Member(long id, String nickname) {}
            """);

    Compilation compilation = compile(user, member);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.DUPLICATE_TABLE.format("USERS", "User", "Member"))
        .inFile(member)
        .onLineContaining("@Table(\"USERS\")");
  }

  @Test
  void recordsOfOneNameInTwoPackagesMirroringATableAreToldApartByPackage() {
    JavaFileObject billing =
        JavaFileObjects.forSourceString(
            "billing.Account",
            "package billing;\n\nimport dev.cascade.annotations.*;\n\n"
                + "@Table(\"accounts\")\npublic record Account(long id, String iban) {}\n");
    JavaFileObject crm =
        JavaFileObjects.forSourceString(
            "crm.Account",
            "package crm;\n\nimport dev.cascade.annotations.*;\n\n"
                + "@Table(\"accounts\")\npublic record Account(long id, String owner) {}\n");

    Compilation compilation = compile(billing, crm);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.DUPLICATE_TABLE.format("accounts", "billing.Account", "crm.Account"))
        .inFile(crm)
        .onLineContaining("@Table(\"accounts\")");
  }

  @Test
  void secondIdPointsAtItsComponentAndListsBoth() {
    JavaFileObject account =
        model(
            "Account",
            """
            @Table("accounts")
            public record Account(
                @Id String code,
                @Id String email,
                String owner) {}
            """);

    Compilation compilation = compile(account);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.MULTIPLE_KEYS.format("Account", "code, email"))
        .inFile(account)
        .onLineContaining("@Id String email");
  }

  /**
   * A newcomer's trial keyed users by {@code record UserId(long value)}: it compiled, worked for
   * a few ids, and failed from 1,001 on PostgreSQL (no array of it); restoreOperation could not
   * read its ids back from the journal.
   */
  @Test
  void aKeyOfAValueTypePointsAtItsComponentAndSaysWhichTypesKeysHave() {
    JavaFileObject userId = model("UserId", "public record UserId(long value) {}");
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            public record User(
                @Id UserId id,
                String name) {}
            """);

    Compilation compilation = compile(user, userId);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.UNSUPPORTED_KEY_TYPE.format("User", "id", "users", "test.UserId", "id"))
        .inFile(user)
        .onLineContaining("@Id UserId id");
  }

  @Test
  void parentWithoutKeyPointsAtTheRecord() {
    JavaFileObject tag =
        model(
            "Tag",
            """
            @Table("tags")
            @HasMany(Tagging.class)
            public record Tag(String name) {}
            """);
    JavaFileObject tagging =
        model(
            "Tagging",
            """
            @Table("taggings")
            public record Tagging(long id, @BelongsTo(Tag.class) String tagName) {}
            """);

    Compilation compilation = compile(tag, tagging);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.CHILDREN_WITHOUT_KEY.format("Tag"))
        .inFile(tag)
        .onLineContaining("public record Tag");
  }

  @Test
  void columnNamedLikeTrashBookkeepingPointsAtItsComponent() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            public record User(
                long id,
                String originalTable) {}
            """);

    Compilation compilation = compile(user);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.TRASH_COLUMN_CLASH.format("User", "originalTable", "original_table", "users_trash"))
        .inFile(user)
        .onLineContaining("String originalTable");
  }

  @Test
  void trashedAtClashesOnlyBesideDeletedAtAndNamesTheWrittenTrashTable() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @Deletable(trashTable = "deleted_users")
            public record User(
                long id,
                Instant deletedAt,
                Instant trashedAt) {}
            """);

    assertThat(compile(user))
        .hadErrorContaining(
            Message.TRASH_COLUMN_CLASH.format("User", "trashedAt", "trashed_at", "deleted_users"))
        .inFile(user)
        .onLineContaining("Instant trashedAt");
  }

  @Test
  void trashedAtWithoutDeletedAtIsAllowed() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            public record User(long id, Instant trashedAt) {}
            """);

    assertThat(compile(user)).succeededWithoutWarnings();
  }

  @Test
  void hasManyOfAClassThatDoesNotExistNamesTheAnnotation() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(Pots.class)
            public record User(long id) {}
            """);

    Compilation compilation = compile(user);

    // javac's own "cannot find symbol", then Cascade's, once the last round is over.
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(Message.MISSING_TYPE.format("User", "a class named in its @HasMany"))
        .inFile(user)
        .onLineContaining("public record User");
  }

  @Test
  void aMisspelledClassInOneModelIsTheOnlyErrorItsParentAndChildrenGet() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(Post.class)
            public record User(long id) {}
            """);
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            @HasMany(Coment.class)
            public record Post(long id, @BelongsTo(User.class) long userId) {}
            """);
    JavaFileObject comment =
        model(
            "Comment",
            """
            @Table("comments")
            public record Comment(long id, @BelongsTo(Post.class) long postId) {}
            """);

    Compilation compilation = compile(user, post, comment);

    // javac's "cannot find symbol" and Cascade's on Post; User and Comment name Post, which is a
    // @Table record, and are not told otherwise.
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(Message.MISSING_TYPE.format("Post", "a class named in its @HasMany"))
        .inFile(post)
        .onLineContaining("public record Post");
  }

  @Test
  void belongsToAClassThatDoesNotExistNamesTheAnnotation() {
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            public record Post(long id, @BelongsTo(Usr.class) long userId) {}
            """);

    assertThat(compile(post))
        .hadErrorContaining(Message.MISSING_TYPE.format(
                "Post", "a class named in @BelongsTo on its component userId"))
        .inFile(post)
        .onLineContaining("public record Post");
  }

  @Test
  void componentOfATypeThatDoesNotExistNamesTheType() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            public record User(long id, EmailAddress email) {}
            """);

    assertThat(compile(user))
        .hadErrorContaining(Message.MISSING_TYPE.format("User", "the type EmailAddress of its component email"))
        .inFile(user)
        .onLineContaining("public record User");
  }
}
