package dev.cascade.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cascade.processor.Sources.compile;
import static dev.cascade.processor.Sources.model;

import com.google.testing.compile.Compilation;
import dev.cascade.processor.diagnostic.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Relations may not loop, except a table that has many of itself (DESIGN.md error 8). */
class CycleErrorsTest {

  @Test
  void cycleErrorNamesTheWholePath() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(Post.class)
            public record User(long id, @BelongsTo(Comment.class) Long pinnedCommentId) {}
            """);
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            @HasMany(Comment.class)
            public record Post(long id, @BelongsTo(User.class) long userId) {}
            """);
    JavaFileObject comment =
        model(
            "Comment",
            """
            @Table("comments")
            @HasMany(value = User.class, foreignKey = "pinned_comment_id")
            public record Comment(long id, @BelongsTo(Post.class) long postId) {}
            """);

    Compilation compilation = compile(user, post, comment);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CYCLE.format(
                "users -> posts (user_id) -> comments (post_id) -> users (pinned_comment_id)"))
        .inFile(user)
        .onLineContaining("@HasMany(Post.class)");
  }

  @Test
  void cycleOfTwoTablesIsReported() {
    JavaFileObject department =
        model(
            "Department",
            """
            @Table("departments")
            @HasMany(Employee.class)
            public record Department(long id, @BelongsTo(Employee.class) Long managerId) {}
            """);
    JavaFileObject employee =
        model(
            "Employee",
            """
            @Table("employees")
            @HasMany(value = Department.class, foreignKey = "manager_id")
            public record Employee(long id, @BelongsTo(Department.class) long departmentId) {}
            """);

    Compilation compilation = compile(department, employee);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CYCLE.format(
                "departments -> employees (department_id) -> departments (manager_id)"))
        .inFile(department)
        .onLineContaining("@HasMany(Employee.class)");
  }

  @Test
  void cycleStartingAtARepeatedHasManyPointsAtThatAnnotation() {
    JavaFileObject user =
        model(
            "User",
            """
            @Table("users")
            @HasMany(value = Invoice.class, onDelete = OnDelete.RESTRICT)
            @HasMany(Post.class)
            public record User(long id, @BelongsTo(Comment.class) Long pinnedCommentId) {}
            """);
    JavaFileObject invoice =
        model(
            "Invoice",
            """
            @Table("invoices")
            public record Invoice(long id, @BelongsTo(User.class) long userId) {}
            """);
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            @HasMany(Comment.class)
            public record Post(long id, @BelongsTo(User.class) long userId) {}
            """);
    JavaFileObject comment =
        model(
            "Comment",
            """
            @Table("comments")
            @HasMany(value = User.class, foreignKey = "pinned_comment_id")
            public record Comment(long id, @BelongsTo(Post.class) long postId) {}
            """);

    Compilation compilation = compile(user, invoice, post, comment);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CYCLE.format(
                "users -> posts (user_id) -> comments (post_id) -> users (pinned_comment_id)"))
        .inFile(user)
        .onLineContaining("@HasMany(Post.class)");
  }

  @Test
  void selfReferentialTreeIsNotACycle() {
    JavaFileObject folder =
        model(
            "Folder",
            """
            @Table("folders")
            @HasMany(Folder.class)
            public record Folder(long id, @BelongsTo(Folder.class) Long parentId, String name) {}
            """);

    Compilation compilation = compile(folder);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.FolderDeleter");
  }

  @Test
  void treeInsideACascadeIsNotACycle() {
    JavaFileObject project =
        model(
            "Project",
            """
            @Table("projects")
            @HasMany(Folder.class)
            public record Project(long id) {}
            """);
    JavaFileObject folder =
        model(
            "Folder",
            """
            @Table("folders")
            @HasMany(value = Folder.class, foreignKey = "parent_id")
            public record Folder(
                long id,
                @BelongsTo(Project.class) long projectId,
                @BelongsTo(Folder.class) Long parentId) {}
            """);

    Compilation compilation = compile(project, folder);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.ProjectDeleter")
        .contentsAsUtf8String()
        .contains(
            "WITH RECURSIVE cascade_folders_tree (cascade_key, cascade_top, cascade_depth) AS (SELECT id, id, 0\"\n"
                + "      + \" FROM folders WHERE project_id IN (\" + PROJECTS_IN_CASCADE");
  }

  @Test
  void treeWithTwoParentColumnsIsAnError() {
    JavaFileObject folder =
        model(
            "Folder",
            """
            @Table("folders")
            @HasMany(value = Folder.class, foreignKey = "parent_id")
            @HasMany(value = Folder.class, foreignKey = "template_id")
            public record Folder(
                long id,
                @BelongsTo(Folder.class) Long parentId,
                @BelongsTo(Folder.class) Long templateId) {}
            """);

    Compilation compilation = compile(folder);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.TREE_WITH_TWO_PARENTS.format("folders", "[parent_id, template_id]"))
        .inFile(folder)
        .onLineContaining("foreignKey = \"template_id\"");
  }
}
