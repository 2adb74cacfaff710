package dev.cascade.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cascade.processor.Sources.compile;
import static dev.cascade.processor.Sources.model;
import static dev.cascade.processor.Sources.onlyError;
import static dev.cascade.processor.Sources.suggestedCode;

import com.google.testing.compile.Compilation;
import dev.cascade.processor.diagnostic.Message;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Errors about the two sides of a relation: {@code @HasMany} on the parent, {@code @BelongsTo} on
 * the child (DESIGN.md compile-time errors 4 to 7, and polymorphic keys).
 */
class RelationErrorsTest {
  private static final JavaFileObject USER =
      model(
          "User",
          """
          @Table("users")
          @HasMany(Post.class)
          public record User(long id, String name) {}
          """);

  @Test
  void hasManyOfARecordWithoutTablePointsAtTheClassLiteral() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(AuditEntry.class)
            public record User(long id) {}
            """);
    JavaFileObject entry =
        model(
            "AuditEntry",
            """
            public record AuditEntry(long id, long userId, String action) {}
            """);

    Compilation compilation = compile(user, entry);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.HAS_MANY_TARGET_NOT_TABLE.format("AuditEntry", "User", "AuditEntry"))
        .inFile(user)
        .onLineContaining("@HasMany(AuditEntry.class)");
  }

  @Test
  void foreignKeyThatIsNotAColumnListsTheChildsColumnsOnce() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(value = Post.class, foreignKey = "author_id")
            public record User(long id) {}
            """);
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            public record Post(long id, @BelongsTo(User.class) long userId, String body) {}
            """);

    Compilation compilation = compile(user, post);

    // Only the @HasMany is at fault: Post.userId is not also said to lack a @HasMany.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.FOREIGN_KEY_NOT_A_COLUMN.format(
                "Post", "author_id", "User", "posts", "author_id", "id, user_id, body"))
        .inFile(user)
        .onLineContaining("foreignKey = \"author_id\"");
  }

  /** A newcomer's trial wrote {@code foreignKey = "assigneeId"}: the component's name, not the column's. */
  @Test
  void foreignKeyThatNamesAComponentSaysWhichColumnToWrite() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(value = Post.class, foreignKey = "authorId")
            public record User(long id) {}
            """);
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            public record Post(long id, @BelongsTo(User.class) long authorId, String body) {}
            """);

    Compilation compilation = compile(user, post);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.FOREIGN_KEY_IS_A_COMPONENT.format("Post", "authorId", "User", "posts", "authorId", "author_id", "author_id"))
        .inFile(user)
        .onLineContaining("foreignKey = \"authorId\"");
  }

  @Test
  void foreignKeyWithoutBelongsToAsksForItOnTheRepeatedHasMany() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(Post.class)
            @HasMany(value = Post.class, foreignKey = "editor_id", onDelete = OnDelete.SET_NULL)
            public record User(long id) {}
            """);
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            public record Post(long id, @BelongsTo(User.class) long userId, Long editorId) {}
            """);

    Compilation compilation = compile(user, post);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.FOREIGN_KEY_WITHOUT_BELONGS_TO.format(
                "Post", "User", "Post", "editorId", "editor_id", "User"))
        .inFile(user)
        .onLineContaining("foreignKey = \"editor_id\"");
  }

  @Test
  void belongsToWithoutHasManyPointsAtTheChildComponent() {
    JavaFileObject comment =
        model(
            "Comment",
            """
            @Table("comments")
            public record Comment(
                long id,
                @BelongsTo(Post.class) long postId,
                @BelongsTo(User.class) long authorId) {}
            """);
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            @HasMany(Comment.class)
            public record Post(long id, @BelongsTo(User.class) long userId) {}
            """);

    Compilation compilation = compile(USER, post, comment);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.BELONGS_TO_WITHOUT_HAS_MANY.format(
                "User", "Comment", "authorId", "User", "Comment", "author_id", "Comment", "User"))
        .inFile(comment)
        .onLineContaining("@BelongsTo(User.class) long authorId");
  }

  @Test
  void belongsToARecordWithoutTablePointsAtTheComponent() {
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            public record Post(
                long id,
                @BelongsTo(Account.class) long accountId) {}
            """);
    JavaFileObject account =
        model(
            "Account",
            """
            public record Account(long id) {}
            """);

    Compilation compilation = compile(post, account);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.BELONGS_TO_TARGET_NOT_TABLE.format("Account", "Post", "accountId", "Account"))
        .inFile(post)
        .onLineContaining("@BelongsTo(Account.class) long accountId");
  }

  @Test
  void hasManyWhoseChildNeverPointsBackPointsAtTheClassLiteral() {
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            public record Post(long id, long userId, String body) {}
            """);

    Compilation compilation = compile(USER, post);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            noForeignKeyOfPostsToUsers("Post.userId"))
        .inFile(USER)
        .onLineContaining("@HasMany(Post.class)");
  }

  /** {@code NO_FOREIGN_KEY} for {@code @HasMany(Post.class)} on {@code User}. */
  private static String noForeignKeyOfPostsToUsers(String addTo) {
    return Message.NO_FOREIGN_KEY.format(
        "Post",
        "User",
        "Post",
        "User",
        "posts",
        "users",
        "User",
        addTo,
        "@BelongsTo(User.class) long userId");
  }

  @Test
  void noForeignKeySuggestsTheAnnotatedComponentAndThatCompiles() {
    String post =
        """
        @Table("posts")
        public record Post(long id, long userId, String body) {}
        """;
    String suggested = suggestedCode(onlyError(compile(USER, model("Post", post))));

    assertThat(suggested).isEqualTo("@BelongsTo(User.class) long userId");
    assertThat(compile(USER, model("Post", post.replace("long userId", suggested))))
        .succeededWithoutWarnings();
  }

  @Test
  void noForeignKeyWithoutAConventionalComponentAsksForTheOneThatHoldsTheKey() {
    String post =
        """
        @Table("posts")
        public record Post(long id, long authorId, String body) {}
        """;

    Compilation compilation = compile(USER, model("Post", post));

    assertThat(compilation)
        .hadErrorContaining(
            noForeignKeyOfPostsToUsers("the component of Post that holds it, or add one"))
        .inFile(USER)
        .onLineContaining("@HasMany(Post.class)");
    // Either way the message offers compiles: the component that holds the key, annotated...
    assertThat(
            compile(USER, model("Post", post.replace("long authorId", "@BelongsTo(User.class) long authorId"))))
        .succeededWithoutWarnings();
    // ...or the suggested component, added.
    String suggested = suggestedCode(onlyError(compilation));
    assertThat(compile(USER, model("Post", post.replace("long id,", "long id, " + suggested + ","))))
        .succeededWithoutWarnings();
  }

  @Test
  void noForeignKeyOfASetNullRelationSuggestsAKeyThatHoldsNull() {
    JavaFileObject section =
        model(
            "Section",
            """
            @Table("sections")
            @HasMany(value = Task.class, onDelete = OnDelete.SET_NULL)
            public record Section(long id) {}
            """);
    String task =
        """
        @Table("tasks")
        public record Task(long id, long sectionId) {}
        """;
    String suggested = suggestedCode(onlyError(compile(section, model("Task", task))));

    assertThat(suggested).isEqualTo("@BelongsTo(Section.class) Long sectionId");
    assertThat(compile(section, model("Task", task.replace("long sectionId", suggested))))
        .succeededWithoutWarnings();
  }

  @Test
  void foreignKeyWithoutBelongsToCompilesOnceTheColumnNamesItsParent() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(value = Post.class, foreignKey = "author_id")
            public record User(long id) {}
            """);
    String post =
        """
        @Table("posts")
        public record Post(long id, long authorId) {}
        """;

    assertThat(compile(user, model("Post", post)))
        .hadErrorContaining(
            Message.FOREIGN_KEY_WITHOUT_BELONGS_TO.format(
                "Post", "User", "Post", "authorId", "author_id", "User"));
    assertThat(
            compile(user, model("Post", post.replace("long authorId", "@BelongsTo(User.class) long authorId"))))
        .succeededWithoutWarnings();
  }

  @Test
  void twoForeignKeysToTheSameParentAreAmbiguousAndListed() {
    JavaFileObject account =
        model(
            "Account",
            """
            @Table("accounts")
            @HasMany(Transfer.class)
            public record Account(long id, String owner) {}
            """);
    JavaFileObject transfer =
        model(
            "Transfer",
            """
            @Table("transfers")
            public record Transfer(
                long id,
                @BelongsTo(Account.class) long fromAccountId,
                @BelongsTo(Account.class) long toAccountId,
                long cents) {}
            """);

    Compilation compilation = compile(account, transfer);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.AMBIGUOUS_FOREIGN_KEY.format(
                "Transfer",
                "Account",
                "Transfer",
                "Account",
                "fromAccountId, toAccountId",
                "from_account_id, to_account_id"))
        .inFile(account)
        .onLineContaining("@HasMany(Transfer.class)");
  }

  @Test
  void foreignKeyAttributeResolvesTheAmbiguity() {
    JavaFileObject account =
        model(
            "Account",
            """
            @Table("accounts")
            @HasMany(value = Transfer.class, foreignKey = "from_account_id")
            @HasMany(value = Transfer.class, foreignKey = "to_account_id", onDelete = OnDelete.RESTRICT)
            public record Account(long id, String owner) {}
            """);
    JavaFileObject transfer =
        model(
            "Transfer",
            """
            @Table("transfers")
            public record Transfer(
                long id,
                @BelongsTo(Account.class) long fromAccountId,
                @BelongsTo(Account.class) long toAccountId,
                long cents) {}
            """);

    Compilation compilation = compile(account, transfer);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.AccountDeleter")
        .contentsAsUtf8String()
        .contains("DELETE FROM transfers WHERE from_account_id IN (");
  }

  @Test
  void foreignKeyOfAnotherTypeThanTheParentKeyPointsAtTheComponent() {
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            public record Post(
                long id,
                @BelongsTo(User.class) String userId) {}
            """);

    Compilation compilation = compile(USER, post);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.FOREIGN_KEY_TYPE_MISMATCH.format(
                "Post",
                "userId",
                "java.lang.String",
                "User",
                "User",
                "id",
                "long",
                "userId",
                "java.lang.Long"))
        .inFile(post)
        .onLineContaining("@BelongsTo(User.class) String userId");
  }

  @Test
  void boxedForeignKeyMatchesAPrimitiveKey() {
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            public record Post(long id, @BelongsTo(User.class) Long userId) {}
            """);

    assertThat(compile(USER, post)).succeededWithoutWarnings();
  }

  @Test
  void setNullOnPrimitiveForeignKeyPointsAtOnDelete() {
    JavaFileObject section =
        model(
            "Section",
            """
            @Table("sections")
            @HasMany(
                value = Task.class,
                onDelete = OnDelete.SET_NULL)
            public record Section(long id, String title) {}
            """);
    JavaFileObject task =
        model(
            "Task",
            """
            @Table("tasks")
            public record Task(long id, @BelongsTo(Section.class) long sectionId) {}
            """);

    Compilation compilation = compile(section, task);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SET_NULL_ON_PRIMITIVE.format(
                "Task", "Task", "sectionId", "long", "java.lang.Long"))
        .inFile(section)
        .onLineContaining("onDelete = OnDelete.SET_NULL");
  }

  @Test
  void repeatedHasManyReportsOnItsOwnLine() {
    JavaFileObject project =
        model(
            "Project",
            """
            @Table("projects")
            @HasMany(Section.class)
            @HasMany(value = Task.class, onDelete = OnDelete.SET_NULL)
            @HasMany(value = Member.class, onDelete = OnDelete.RESTRICT)
            public record Project(long id, String name) {}
            """);
    JavaFileObject section =
        model(
            "Section",
            """
            @Table("sections")
            public record Section(long id, @BelongsTo(Project.class) long projectId) {}
            """);
    JavaFileObject task =
        model(
            "Task",
            """
            @Table("tasks")
            public record Task(long id, @BelongsTo(Project.class) long projectId) {}
            """);
    JavaFileObject member =
        model(
            "Member",
            """
            @Table("members")
            public record Member(long id, @BelongsTo(Project.class) long projectId) {}
            """);

    Compilation compilation = compile(project, section, task, member);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SET_NULL_ON_PRIMITIVE.format(
                "Task", "Task", "projectId", "long", "java.lang.Long"))
        .inFile(project)
        .onLineContaining("@HasMany(value = Task.class");
  }

  @Test
  void polymorphicKeyWithoutWhereNamesItsParents() {
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            @HasMany(Reaction.class)
            public record Post(long id, String body) {}
            """);
    JavaFileObject comment =
        model(
            "Comment",
            """
            @Table("comments")
            @HasMany(value = Reaction.class, where = "subject_type = 'comment'")
            public record Comment(long id, String body) {}
            """);
    JavaFileObject reaction =
        model(
            "Reaction",
            """
            @Table("reactions")
            public record Reaction(
                long id,
                @BelongsTo({Post.class, Comment.class}) long subjectId,
                String subjectType) {}
            """);

    Compilation compilation = compile(post, comment, reaction);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.POLYMORPHIC_WITHOUT_WHERE.format(
                "Reaction", "Post", "Reaction", "subjectId", "Post, Comment", "Post"))
        .inFile(post)
        .onLineContaining("@HasMany(Reaction.class)");
  }

  /**
   * Whole numbers of several widths are one column's keys where the column is as wide as the
   * widest: reviews of {@code int} shops and {@code long} products in a {@code long} (a newcomer's
   * shop, trial 23, refused before); an {@code int} column cannot hold the products' keys.
   */
  @Test
  void polymorphicKeyOverWholeNumberKeysOfSeveralWidthsTakesTheWidest() {
    JavaFileObject shop =
        model(
            "Shop",
            """
            @Table("shops")
            @HasMany(Product.class)
            @HasMany(value = Review.class, where = "subject_type = 'shop'")
            public record Shop(int id, String name) {}
            """);
    JavaFileObject product =
        model(
            "Product",
            """
            @Table("products")
            @HasMany(value = Review.class, where = "subject_type = 'product'")
            public record Product(long id, @BelongsTo(Shop.class) long shopId) {}
            """);
    String review =
        """
        @Table("reviews")
        public record Review(long id, String subjectType, @BelongsTo({Shop.class, Product.class}) %s subjectId) {}
        """;

    assertThat(compile(shop, product, model("Review", review.formatted("long")))).succeededWithoutWarnings();
    assertThat(compile(shop, product, model("Review", review.formatted("Long")))).succeededWithoutWarnings();

    JavaFileObject narrow = model("Review", review.formatted("int"));
    Compilation compilation = compile(shop, product, narrow);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.FOREIGN_KEY_TYPE_MISMATCH.format(
                "Review", "subjectId", "int", "Product", "Product", "id", "long", "subjectId", "long"))
        .inFile(narrow)
        .onLineContaining("@BelongsTo({Shop.class, Product.class}) int subjectId");
  }

  @Test
  void aForeignKeyNarrowerThanItsParentsKeyIsRefused() {
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            public record Post(long id, @BelongsTo(User.class) int userId) {}
            """);

    Compilation compilation = compile(USER, post);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.FOREIGN_KEY_TYPE_MISMATCH.format("Post", "userId", "int", "User", "User", "id", "long", "userId", "long"))
        .inFile(post)
        .onLineContaining("@BelongsTo(User.class) int userId");
  }

  @Test
  void polymorphicKeyOverParentsWithKeysOfDifferentTypesIsOneErrorNamingEachKey() {
    JavaFileObject customer =
        model(
            "Customer",
            """
            @Table("customers")
            @HasMany(value = Note.class, where = "subject_type = 'customer'")
            public record Customer(@Id String code, String name) {}
            """);
    JavaFileObject order =
        model(
            "Order",
            """
            @Table("orders")
            @HasMany(value = Note.class, where = "subject_type = 'order'")
            public record Order(long id, long cents) {}
            """);
    String note =
        """
        @Table("notes")
        public record Note(
            long id,
            @BelongsTo({Customer.class, Order.class}) %s subjectId,
            String subjectType) {}
        """;

    // Whatever type the column has, the same one error: not "declare subjectId as Long" for the
    // one parent and "declare subjectId as String" for the other.
    for (String type : List.of("String", "Long", "long")) {
      JavaFileObject withType = model("Note", note.formatted(type));

      Compilation compilation = compile(customer, order, withType);

      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining(
              Message.POLYMORPHIC_KEY_TYPES_DIFFER.format(
                  "Note", "subjectId", "Customer.code is String, Order.id is long", "subjectId"))
          .inFile(withType)
          .onLineContaining("@BelongsTo({Customer.class, Order.class})");
    }
    // The split the message suggests compiles.
    String split = "@BelongsTo(Customer.class) String customerCode, @BelongsTo(Order.class) Long orderId";
    assertThat(
            compile(
                customer,
                order,
                model("Note", note.replace("@BelongsTo({Customer.class, Order.class}) %s subjectId", split))))
        .succeededWithoutWarnings();
  }
}
