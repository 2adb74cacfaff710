package dev.cascade.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cascade.processor.Sources.compile;
import static dev.cascade.processor.Sources.model;

import com.google.testing.compile.Compilation;
import dev.cascade.processor.diagnostic.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The {@code where} of a {@code @HasMany} is read at compile time: a condition outside its grammar,
 * or naming a column the child does not have, is an error on the attribute, not a failed delete.
 */
class WhereErrorsTest {
  private static final String COLUMNS = "id, subject_id, subject_type, body";

  private static final JavaFileObject COMMENT =
      model(
          "Comment",
          """
          @Table("comments")
          public record Comment(
              long id,
              @BelongsTo({Task.class, Post.class}) long subjectId,
              String subjectType,
              String body) {}
          """);

  private static final JavaFileObject POST =
      model(
          "Post",
          """
          @Table("posts")
          @HasMany(value = Comment.class, where = "subject_type = 'post'")
          public record Post(long id) {}
          """);

  private static JavaFileObject task(String hasMany) {
    return model(
        "Task",
        """
        @Table("tasks")
        %s
        public record Task(long id) {}
        """
            .formatted(hasMany));
  }

  @Test
  void aTypoInAColumnListsTheChildsColumns() {
    JavaFileObject task = task("@HasMany(value = Comment.class, where = \"subjet_type = 'task'\")");

    Compilation compilation = compile(task, POST, COMMENT);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.WHERE_NOT_A_COLUMN.format(
                "Comment", "subjet_type = 'task'", "Task", "comments", "subjet_type", COLUMNS))
        .inFile(task)
        .onLineContaining("where = \"subjet_type = 'task'\"");
  }

  @Test
  void theErrorPointsAtTheWhereLineOfARepeatedHasMany() {
    JavaFileObject task =
        task(
            """
            @HasMany(value = Label.class)
            @HasMany(
                value = Comment.class,
                where = "subject_type IN ('task', 'todo') AND bdy IS NOT NULL")""");
    JavaFileObject label =
        model(
            "Label",
            """
            @Table("labels")
            public record Label(long id, @BelongsTo(Task.class) long taskId) {}
            """);

    Compilation compilation = compile(task, POST, COMMENT, label);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.WHERE_NOT_A_COLUMN.format(
                "Comment",
                "subject_type IN ('task', 'todo') AND bdy IS NOT NULL",
                "Task",
                "comments",
                "bdy",
                COLUMNS))
        .inFile(task)
        .onLineContaining("where = \"subject_type IN");
  }

  @Test
  void syntaxErrorSaysWhatAndWhereAndWhatIsSupported() {
    JavaFileObject task = task("@HasMany(value = Comment.class, where = \"subject_type == 'task'\")");

    Compilation compilation = compile(task, POST, COMMENT);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.WHERE_NOT_READ.format(
                "Comment",
                "subject_type == 'task'",
                "Task",
                "at character 14 (`== 'task'`): ",
                "== is not SQL, write ="))
        .inFile(task)
        .onLineContaining("where = \"subject_type == 'task'\"");
  }

  @Test
  void anythingOutsideTheGrammarIsAnErrorToo() {
    JavaFileObject task =
        task("@HasMany(value = Comment.class, where = \"lower(subject_type) = 'task'\")");

    Compilation compilation = compile(task, POST, COMMENT);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.WHERE_NOT_READ.format(
                "Comment",
                "lower(subject_type) = 'task'",
                "Task",
                "at character 6 (`(subject_type) = 'ta...`): ",
                "expected =, <>, !=, <, <=, >, >=, IN, NOT IN or IS after column lower, found `(`"))
        .inFile(task)
        .onLineContaining("where = \"lower(subject_type)");
  }

  @Test
  void aConditionCutShortIsReportedAtItsEnd() {
    JavaFileObject task =
        task("@HasMany(value = Comment.class, where = \"subject_type = 'task' AND \")");

    assertThat(compile(task, POST, COMMENT))
        .hadErrorContaining(
            Message.WHERE_NOT_READ.format(
                "Comment",
                "subject_type = 'task' AND ",
                "Task",
                "at its end: ",
                "expected a column, a literal, NOT or (, found the end"))
        .inFile(task)
        .onLineContaining("where = \"subject_type = 'task' AND \"");
  }

  @Test
  void everyBadWhereOfARoundIsReported() {
    JavaFileObject task =
        task("@HasMany(value = Comment.class, where = \"kind = 'task' OR subjet_type = 'task'\")");
    JavaFileObject post =
        model(
            "Post",
            """
            @Table("posts")
            @HasMany(value = Comment.class, where = "subject_type = :type")
            public record Post(long id) {}
            """);

    Compilation compilation = compile(task, post, COMMENT);

    assertThat(compilation).hadErrorCount(3);
    String where = "kind = 'task' OR subjet_type = 'task'";
    assertThat(compilation)
        .hadErrorContaining(
            Message.WHERE_NOT_A_COLUMN.format("Comment", where, "Task", "comments", "kind", COLUMNS))
        .inFile(task)
        .onLineContaining("where =");
    assertThat(compilation)
        .hadErrorContaining(
            Message.WHERE_NOT_A_COLUMN.format(
                "Comment", where, "Task", "comments", "subjet_type", COLUMNS))
        .inFile(task)
        .onLineContaining("where =");
    assertThat(compilation)
        .hadErrorContaining(
            Message.WHERE_NOT_READ.format(
                "Comment",
                "subject_type = :type",
                "Post",
                "at character 16 (`:type`): ",
                "bind parameters cannot be used: where is a constant condition"))
        .inFile(post)
        .onLineContaining("where = \"subject_type = :type\"");
  }

  @Test
  void aColumnNamedTwiceIsReportedOnce() {
    JavaFileObject task =
        task("@HasMany(value = Comment.class, where = \"kind = 'a' OR KIND = 'b'\")");

    Compilation compilation = compile(task, POST, COMMENT);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.WHERE_NOT_A_COLUMN.format(
                "Comment", "kind = 'a' OR KIND = 'b'", "Task", "comments", "kind", COLUMNS));
  }

  @Test
  void columnsMatchIgnoringCaseAndTheWholeGrammarCompiles() {
    JavaFileObject task =
        task(
            """
            @HasMany(
                value = Comment.class,
                where = "(SUBJECT_TYPE IN ('task', 'todo') OR 'it''s' = Subject_Type)"
                    + " and not (\\"body\\" is null or body <> '' and id >= -1.5 and id != 0)")""");

    assertThat(compile(task, POST, COMMENT)).succeededWithoutWarnings();
  }

  @Test
  void aWhereOnARecordThatIsNoTableIsStillRead() {
    JavaFileObject task = task("@HasMany(value = Note.class, where = \"kind = = 'x'\")");
    JavaFileObject note =
        model(
            "Note",
            """
            public record Note(long id, long taskId, String kind) {}
            """);

    Compilation compilation = compile(task, note);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(Message.HAS_MANY_TARGET_NOT_TABLE.format("Note", "Task", "Note"));
    assertThat(compilation)
        .hadErrorContaining(
            Message.WHERE_NOT_READ.format(
                "Note",
                "kind = = 'x'",
                "Task",
                "at character 8 (`= 'x'`): ",
                "expected a literal ('text', a number, TRUE or FALSE) after =, found `=`"))
        .inFile(task)
        .onLineContaining("where = \"kind = = 'x'\"");
  }
}
