package dev.cascade.processor.plan;

import static com.google.common.collect.MoreCollectors.onlyElement;
import static com.google.common.truth.Truth.assertThat;
import static dev.cascade.annotations.DeleteStrategy.PERMANENT;
import static dev.cascade.annotations.DeleteStrategy.SOFT;
import static dev.cascade.annotations.DeleteStrategy.TRASH;
import static dev.cascade.annotations.OnDelete.CASCADE;
import static dev.cascade.annotations.OnDelete.RESTRICT;
import static dev.cascade.annotations.OnDelete.SET_NULL;
import static dev.cascade.processor.plan.Models.deletedAt;
import static dev.cascade.processor.plan.Models.foreignKey;
import static dev.cascade.processor.plan.Models.hasMany;
import static dev.cascade.processor.plan.Models.id;
import static dev.cascade.processor.plan.Models.model;
import static dev.cascade.processor.plan.Models.plan;
import static dev.cascade.processor.plan.Models.steps;
import static dev.cascade.processor.plan.Models.text;

import com.palantir.javapoet.ClassName;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.DeletableSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.Origin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL a deleter runs, planned from hand-built models: no compiler involved. */
class DeletePlannerTest {

  @Test
  void stepsRunChildrenFirstAndOnlyTheLastDeletesTheRoots() {
    ModelSpec users = model("User", "users", id(), text("name")).withHasMany(hasMany("User", "Post", CASCADE));
    ModelSpec posts =
        model("Post", "posts", id(), foreignKey("user_id", "User"))
            .withHasMany(hasMany("Post", "Comment", CASCADE));
    ModelSpec comments = model("Comment", "comments", id(), foreignKey("post_id", "Post"));

    DeleterPlan plan = plan(users, Dialect.H2, users, posts, comments);

    assertThat(steps(plan, PERMANENT))
        .containsExactly(
            "DELETE FROM comments WHERE post_id IN (SELECT id FROM posts WHERE user_id IN (<ids>))",
            "DELETE FROM posts WHERE user_id IN (<ids>)",
            "DELETE FROM users WHERE id IN (<ids>)")
        .inOrder();
    assertThat(plan.strategies().get(PERMANENT).steps().stream().map(PlannedStep::root).toList())
        .containsExactly(false, false, true)
        .inOrder();
    assertThat(plan.tree().childrenFirst().stream().map(ModelSpec::table).toList())
        .containsExactly("comments", "posts", "users")
        .inOrder();
  }

  @Test
  void childDeclaredBeforeItsOtherParentIsStillDeletedBeforeThatParent() {
    // users own comments directly and through posts; the direct relation is written first.
    ModelSpec users =
        model("User", "users", id())
            .withHasMany(hasMany("User", "Comment", CASCADE).withForeignKey("author_id"))
            .withHasMany(hasMany("User", "Post", CASCADE));
    ModelSpec posts =
        model("Post", "posts", id(), foreignKey("user_id", "User"))
            .withHasMany(hasMany("Post", "Comment", CASCADE));
    ModelSpec comments =
        model("Comment", "comments", id(), foreignKey("post_id", "Post"), foreignKey("author_id", "User"));

    DeleterPlan plan = plan(users, Dialect.H2, users, posts, comments);

    assertThat(plan.tree().childrenFirst().stream().map(ModelSpec::table).toList())
        .containsExactly("comments", "posts", "users")
        .inOrder();
  }

  @Test
  void tableReachedByTwoPathsGetsOneDeletePerRelation() {
    ModelSpec users =
        model("User", "users", id())
            .withHasMany(hasMany("User", "Post", CASCADE))
            .withHasMany(hasMany("User", "Comment", CASCADE).withForeignKey("author_id"));
    ModelSpec posts =
        model("Post", "posts", id(), foreignKey("user_id", "User"))
            .withHasMany(hasMany("Post", "Comment", CASCADE));
    ModelSpec comments =
        model("Comment", "comments", id(), foreignKey("post_id", "Post"), foreignKey("author_id", "User"));

    DeleterPlan plan = plan(users, Dialect.H2, users, posts, comments);

    assertThat(steps(plan, PERMANENT))
        .containsExactly(
            "DELETE FROM comments WHERE post_id IN (SELECT id FROM posts WHERE user_id IN (<ids>))",
            "DELETE FROM comments WHERE author_id IN (<ids>)",
            "DELETE FROM posts WHERE user_id IN (<ids>)",
            "DELETE FROM users WHERE id IN (<ids>)")
        .inOrder();
    assertThat(plan.strategies().get(PERMANENT).steps().stream().map(PlannedStep::constant).toList())
        .containsExactly(
            "DELETE_COMMENTS_BY_POST_ID", "DELETE_COMMENTS_BY_AUTHOR_ID", "DELETE_POSTS", "DELETE_USERS")
        .inOrder();
    // The preview counts each comment once, whichever way it is reached.
    assertThat(render(plan, "COUNT_COMMENTS"))
        .isEqualTo(
            "SELECT COUNT(*) FROM comments WHERE post_id IN (SELECT id FROM posts WHERE user_id IN"
                + " (<ids>)) OR author_id IN (<ids>)");
  }

  @ParameterizedTest(name = "sections declared first: {0}")
  @ValueSource(booleans = {true, false})
  void projectTasksAreDeletedBeforeTheirSectionsUnlinkWhatIsLeft(boolean sectionsFirst) {
    ModelSpec projects = model("Project", "projects", id(), text("name"));
    if (sectionsFirst) {
      projects =
          projects
              .withHasMany(hasMany("Project", "Section", CASCADE))
              .withHasMany(hasMany("Project", "Task", CASCADE));
    } else {
      projects =
          projects
              .withHasMany(hasMany("Project", "Task", CASCADE))
              .withHasMany(hasMany("Project", "Section", CASCADE));
    }
    ModelSpec sections =
        model("Section", "sections", id(), foreignKey("project_id", "Project"))
            .withHasMany(hasMany("Section", "Task", SET_NULL));
    ModelSpec tasks =
        model(
            "Task", "tasks", id(), foreignKey("project_id", "Project"), foreignKey("section_id", "Section"));

    DeleterPlan plan = plan(projects, Dialect.H2, projects, sections, tasks);

    assertThat(steps(plan, PERMANENT))
        .containsExactly(
            "DELETE FROM tasks WHERE project_id IN (<ids>)",
            "UPDATE tasks SET section_id = NULL WHERE section_id IN (SELECT id FROM sections WHERE"
                + " project_id IN (<ids>))",
            "DELETE FROM sections WHERE project_id IN (<ids>)",
            "DELETE FROM projects WHERE id IN (<ids>)")
        .inOrder();
    PlannedCount unlinked =
        plan.strategies().get(PERMANENT).preview().stream()
            .filter(PlannedCount::nullified)
            .collect(onlyElement());
    assertThat(unlinked.table()).isEqualTo("tasks");
    assertThat(render(plan, unlinked.constant()))
        .isEqualTo(
            "SELECT COUNT(*) FROM tasks WHERE section_id IN (SELECT id FROM sections WHERE project_id"
                + " IN (<ids>)) AND NOT COALESCE(project_id IN (<ids>), FALSE)");
  }

  @Test
  void restrictCountsLeaveOutChildRowsTheCascadeDeletes() {
    // A post with other people's comments blocks deleting its author; the author's own comments
    // are deleted by the same cascade, so they do not.
    ModelSpec users =
        model("User", "users", id())
            .withHasMany(hasMany("User", "Post", CASCADE))
            .withHasMany(hasMany("User", "Comment", CASCADE).withForeignKey("author_id"))
            .withHasMany(hasMany("User", "Invoice", RESTRICT));
    ModelSpec posts =
        model("Post", "posts", id(), foreignKey("user_id", "User"))
            .withHasMany(hasMany("Post", "Comment", RESTRICT));
    ModelSpec comments =
        model("Comment", "comments", id(), foreignKey("post_id", "Post"), foreignKey("author_id", "User"));
    ModelSpec invoices = model("Invoice", "invoices", id(), foreignKey("user_id", "User"));

    DeleterPlan plan = plan(users, Dialect.H2, users, posts, comments, invoices);

    List<PlannedCheck> checks = plan.strategies().get(PERMANENT).restrictions();
    assertThat(checks.stream().map(c -> c.table() + "." + c.column() + " -> " + c.parent()).toList())
        .containsExactly("comments.post_id -> posts", "invoices.user_id -> users")
        .inOrder();
    assertThat(render(plan, checks.get(0).constant()))
        .isEqualTo(
            "SELECT COUNT(*) FROM comments WHERE post_id IN (SELECT id FROM posts WHERE user_id IN"
                + " (<ids>)) AND NOT COALESCE(author_id IN (<ids>), FALSE)");
    assertThat(render(plan, checks.get(1).constant()))
        .isEqualTo("SELECT COUNT(*) FROM invoices WHERE user_id IN (<ids>)");
    assertThat(plan.strategies().get(TRASH).restrictions()).isEqualTo(checks);
  }

  @Test
  void whereConditionsAreKeptInParentheses() {
    ModelSpec posts =
        model("Post", "posts", id())
            .withHasMany(hasMany("Post", "Comment", CASCADE))
            .withHasMany(
                hasMany("Post", "Reaction", CASCADE)
                    .withWhere("subject_type = 'post' OR subject_type = 'repost'"));
    ModelSpec comments =
        model("Comment", "comments", id(), foreignKey("post_id", "Post"))
            .withHasMany(hasMany("Comment", "Reaction", CASCADE).withWhere("subject_type = 'comment'"));
    ModelSpec reactions =
        model("Reaction", "reactions", id(), foreignKey("subject_id", "Post", "Comment"), text("subject_type"));

    DeleterPlan plan = plan(posts, Dialect.H2, posts, comments, reactions);

    assertThat(steps(plan, PERMANENT))
        .containsExactly(
            "DELETE FROM reactions WHERE subject_id IN (SELECT id FROM comments WHERE post_id IN"
                + " (<ids>)) AND (subject_type = 'comment')",
            "DELETE FROM reactions WHERE subject_id IN (<ids>) AND (subject_type = 'post' OR"
                + " subject_type = 'repost')",
            "DELETE FROM comments WHERE post_id IN (<ids>)",
            "DELETE FROM posts WHERE id IN (<ids>)")
        .inOrder();
    assertThat(plan.strategies().get(PERMANENT).steps().get(0).constant())
        .isEqualTo("DELETE_REACTIONS_BY_COMMENTS_SUBJECT_ID");
    assertThat(render(plan, "COUNT_REACTIONS"))
        .isEqualTo(
            "SELECT COUNT(*) FROM reactions WHERE subject_id IN (SELECT id FROM comments WHERE"
                + " post_id IN (<ids>)) AND (subject_type = 'comment') OR subject_id IN (<ids>) AND"
                + " (subject_type = 'post' OR subject_type = 'repost')");
  }

  @Test
  void softCountOfATableReachedTwoWaysKeepsBothPathsInParentheses() {
    ModelSpec users =
        model("User", "users", id(), deletedAt())
            .withHasMany(hasMany("User", "Post", CASCADE))
            .withHasMany(hasMany("User", "Comment", CASCADE).withForeignKey("author_id"));
    ModelSpec posts =
        model("Post", "posts", id(), foreignKey("user_id", "User"), deletedAt())
            .withHasMany(hasMany("Post", "Comment", CASCADE));
    ModelSpec comments =
        model(
            "Comment",
            "comments",
            id(),
            foreignKey("post_id", "Post"),
            foreignKey("author_id", "User"),
            deletedAt());

    DeleterPlan plan = plan(users, Dialect.H2, users, posts, comments);

    assertThat(render(plan, "SOFT_COUNT_COMMENTS"))
        .isEqualTo(
            "SELECT COUNT(*) FROM comments WHERE deleted_at IS NULL AND (post_id IN (SELECT id FROM"
                + " posts WHERE deleted_at IS NULL AND user_id IN (SELECT id FROM users WHERE"
                + " deleted_at IS NULL AND id IN (<ids>))) OR author_id IN (SELECT id FROM users"
                + " WHERE deleted_at IS NULL AND id IN (<ids>)))");
  }

  @Test
  void softIsPlannedWhenEveryTableHasTheColumnAndMarksOnlyLiveRows() {
    ModelSpec users =
        model("User", "users", id(), deletedAt()).withHasMany(hasMany("User", "Post", CASCADE));
    ModelSpec posts = model("Post", "posts", id(), foreignKey("user_id", "User"), deletedAt());

    DeleterPlan plan = plan(users, Dialect.H2, users, posts);

    assertThat(plan.softUnsupported()).isEmpty();
    assertThat(plan.strategies().keySet()).containsExactly(PERMANENT, SOFT, TRASH);
    assertThat(steps(plan, SOFT))
        .containsExactly(
            "UPDATE posts SET deleted_at = :deletedAt WHERE deleted_at IS NULL AND user_id IN"
                + " (SELECT id FROM users WHERE deleted_at IS NULL AND id IN (<ids>))",
            "UPDATE users SET deleted_at = :deletedAt WHERE deleted_at IS NULL AND id IN (<ids>)")
        .inOrder();
    assertThat(plan.strategies().get(SOFT).steps().stream().map(PlannedStep::kind).toList())
        .containsExactly(StepKind.MARK, StepKind.MARK);
  }

  @Test
  void softIsLeftOutWhenATableLacksTheColumnNamingTheFirstChildrenFirst() {
    ModelSpec users =
        model("User", "users", id(), deletedAt()).withHasMany(hasMany("User", "Post", CASCADE));
    ModelSpec posts =
        model("Post", "posts", id(), foreignKey("user_id", "User"))
            .withHasMany(hasMany("Post", "Comment", CASCADE));
    ModelSpec comments = model("Comment", "comments", id(), foreignKey("post_id", "Post"));

    DeleterPlan plan = plan(users, Dialect.H2, users, posts, comments);

    assertThat(plan.strategies().keySet()).containsExactly(PERMANENT, TRASH);
    assertThat(plan.softUnsupported())
        .hasValue("comments has no soft-delete column deleted_at of a time type");
  }

  @Test
  void deletedAtThatIsNotATimeDoesNotMakeATableSoftDeletable() {
    ModelSpec users =
        model("User", "users", id(), ColumnSpec.of("deletedAt", "deleted_at", ClassName.get(String.class)));

    DeleterPlan plan = plan(users, Dialect.H2, users);

    assertThat(plan.strategies()).doesNotContainKey(SOFT);
    assertThat(plan.softUnsupported())
        .hasValue("users has no soft-delete column deleted_at of a time type");
  }

  @Test
  void softUsesTheWrittenDeletedAtColumn() {
    DeletableSpec removedAt =
        new DeletableSpec(Optional.of(SOFT), "removed_at", true, Optional.empty(), Origin.NONE);
    ModelSpec users =
        model("User", "users", id(), ColumnSpec.of("removedAt", "removed_at", deletedAt().type()))
            .withDeletable(removedAt);

    DeleterPlan plan = plan(users, Dialect.H2, users);

    assertThat(steps(plan, SOFT))
        .containsExactly(
            "UPDATE users SET removed_at = :deletedAt WHERE removed_at IS NULL AND id IN (<ids>)");
  }

  @Test
  void setNullChildrenNeedNoSoftDeleteColumnAndStayLinkedOnSoftDelete() {
    ModelSpec sections =
        model("Section", "sections", id(), deletedAt())
            .withHasMany(hasMany("Section", "Task", SET_NULL));
    ModelSpec tasks = model("Task", "tasks", id(), foreignKey("section_id", "Section"));

    DeleterPlan plan = plan(sections, Dialect.H2, sections, tasks);

    assertThat(plan.strategies().keySet()).containsExactly(PERMANENT, SOFT, TRASH);
    assertThat(steps(plan, PERMANENT))
        .containsExactly(
            "UPDATE tasks SET section_id = NULL WHERE section_id IN (<ids>)",
            "DELETE FROM sections WHERE id IN (<ids>)")
        .inOrder();
    assertThat(steps(plan, SOFT))
        .containsExactly(
            "UPDATE sections SET deleted_at = :deletedAt WHERE deleted_at IS NULL AND id IN (<ids>)");
  }

  @Test
  void trashCopiesEachPartBeforeDeletingIt() {
    ModelSpec users = model("User", "users", id(), text("name")).withHasMany(hasMany("User", "Post", CASCADE));
    ModelSpec posts = model("Post", "posts", id(), foreignKey("user_id", "User"), deletedAt());

    DeleterPlan plan = plan(users, Dialect.H2, users, posts);

    assertThat(steps(plan, TRASH))
        .containsExactly(
            "INSERT INTO posts_trash (id, user_id, deleted_at, trashed_at, original_table,"
                + " deletion_id) SELECT id, user_id, deleted_at, :deletedAt, 'posts', :deletionId"
                + " FROM posts WHERE user_id IN (<ids>)",
            "DELETE FROM posts WHERE user_id IN (<ids>)",
            "INSERT INTO users_trash (id, name, deleted_at, original_table, deletion_id) SELECT"
                + " id, name, :deletedAt, 'users', :deletionId FROM users WHERE id IN (<ids>)",
            "DELETE FROM users WHERE id IN (<ids>)")
        .inOrder();
  }

  @ParameterizedTest
  @ValueSource(strings = {"H2", "POSTGRESQL", "SQLITE", "MYSQL"})
  void reservedWordTableIsQuotedPerDialect(String dialectName) {
    Dialect dialect = Dialect.valueOf(dialectName);
    String order = dialect == Dialect.MYSQL ? "`order`" : "\"order\"";
    ModelSpec customers =
        model("Customer", "customers", id()).withHasMany(hasMany("Customer", "Order", CASCADE));
    ModelSpec orders =
        model("Order", "order", id(), foreignKey("customer_id", "Customer"))
            .withHasMany(hasMany("Order", "OrderLine", CASCADE));
    ModelSpec lines = model("OrderLine", "order_lines", id(), foreignKey("order_id", "Order"));

    DeleterPlan plan = plan(customers, dialect, customers, orders, lines);

    assertThat(steps(plan, PERMANENT))
        .containsExactly(
            "DELETE FROM order_lines WHERE order_id IN (SELECT id FROM " + order
                + " WHERE customer_id IN (<ids>))",
            "DELETE FROM " + order + " WHERE customer_id IN (<ids>)",
            "DELETE FROM customers WHERE id IN (<ids>)")
        .inOrder();
  }

  private static String render(DeleterPlan plan, String constant) {
    return plan.program().render(constant);
  }
}
