package dev.cascade.processor.plan;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.cascade.annotations.OnDelete.CASCADE;
import static dev.cascade.annotations.OnDelete.SET_NULL;
import static dev.cascade.processor.plan.Models.foreignKey;
import static dev.cascade.processor.plan.Models.hasMany;
import static dev.cascade.processor.plan.Models.id;
import static dev.cascade.processor.plan.Models.model;
import static dev.cascade.processor.plan.Models.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.cascade.processor.model.ModelSpec;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * H2 runs two shapes once per row they look at, which turns a linear cascade quadratic: an {@code
 * IN} (or {@code NOT IN}) over a recursive query, and an {@code UPDATE} or {@code DELETE} whose
 * condition reads the table it changes (each change makes it read the table again). No statement
 * H2 runs may have either; they go through a {@code MERGE} or a join instead.
 */
class H2ShapesTest {
  private static final Pattern CHANGES = Pattern.compile("^(?:UPDATE|DELETE FROM) (\\w+) ");
  private static final Pattern COPIES = Pattern.compile("^INSERT INTO \\w+_trash \\(.*?\\) SELECT .*? FROM (\\w+) WHERE ");
  private static final Pattern MERGES = Pattern.compile("^MERGE INTO (\\w+) USING .*? WHEN MATCHED AND ");

  /**
   * A Q&A site's comments: reply trees ({@code CASCADE} to itself) whose comments quote one another
   * ({@code SET_NULL}), with attachments below them that copy one another.
   */
  private static final ModelSpec QUESTIONS =
      model("Question", "questions", id()).withHasMany(hasMany("Question", "Comment", CASCADE));

  private static final ModelSpec COMMENTS =
      model("Comment", "comments", id(), foreignKey("question_id", "Question"), foreignKey("reply_to_id", "Comment"),
              foreignKey("quotes_id", "Comment"))
          .withHasMany(hasMany("Comment", "Comment", CASCADE).withForeignKey("reply_to_id"))
          .withHasMany(hasMany("Comment", "Comment", SET_NULL).withForeignKey("quotes_id"))
          .withHasMany(hasMany("Comment", "Attachment", CASCADE));

  private static final ModelSpec ATTACHMENTS =
      model("Attachment", "attachments", id(), foreignKey("comment_id", "Comment"), foreignKey("copy_of_id", "Attachment"))
          .withHasMany(hasMany("Attachment", "Attachment", SET_NULL).withForeignKey("copy_of_id"));

  @Test
  void noStatementH2RunsReadsARecursiveQueryThroughIn() {
    List<String> recursiveIns =
        h2Statements().stream()
            .filter(statement -> inSubqueries(statement).stream().anyMatch(subquery -> subquery.contains("WITH RECURSIVE")))
            .toList();
    assertWithMessage("statements H2 runs with an IN over a recursive query").that(recursiveIns).isEmpty();
  }

  @Test
  void noUpdateOrDeleteH2RunsReadsTheTableItChanges() {
    for (String statement : h2Statements()) {
      Matcher changes = CHANGES.matcher(statement);
      if (changes.find()) {
        String table = changes.group(1);
        String condition = statement.substring(changes.end());
        assertWithMessage("on H2: %s", statement).that(condition).doesNotContainMatch("FROM " + table + "\\b(?!_)");
      }
    }
  }

  /**
   * A delete's copy into the trash locks the rows it copies, and a {@code MERGE} changes them; H2
   * then runs a subquery of that table again for every row: neither reads its own table in its
   * condition. A newcomer's helpdesk trial, its tickets reached through their organization and their
   * tenant and merged into one another, waited minutes for 20,000 tickets in the copy and in the
   * {@code MERGE} that unlinks the tickets the operation keeps.
   */
  @Test
  void noCopyOrMergeConditionOfADeleteOnH2ReadsItsOwnTable() {
    List<String> checked = new ArrayList<>();
    for (String statement : deleterStatements()) {
      for (Pattern shape : List.of(COPIES, MERGES)) {
        Matcher matcher = shape.matcher(statement);
        if (matcher.find()) {
          checked.add(statement);
          String condition = statement.substring(matcher.end());
          assertWithMessage("on H2: %s", statement).that(condition).doesNotContainMatch("FROM " + matcher.group(1) + "\\b(?!_)");
        }
      }
    }
    assertWithMessage("copies and merges checked").that(checked.stream().filter(s -> s.startsWith("MERGE")).count()).isAtLeast(1);
    assertWithMessage("copies and merges checked").that(checked.stream().filter(s -> s.startsWith("INSERT")).count()).isAtLeast(1);
  }

  /**
   * A soft restore locks its roots before it unmarks; from then on H2 runs a subquery that reads a
   * table with locked rows again for every row it looks at. A tree's tops below the root are found
   * through their parents' keys: in the {@code MERGE} that unmarks the rows below them, with {@code
   * EXISTS}, not {@code (fk, marker) IN (SELECT ...)} (a newcomer's trial: 218 s for 40,003 rows).
   */
  @Test
  void noMergeH2RunsFindsATreesTopsThroughAnInOverTheirParentsKeys() {
    List<String> merges =
        h2Statements().stream()
            .filter(s -> s.startsWith("MERGE INTO") && s.contains("WITH RECURSIVE") && s.contains("_deleted (cascade_key"))
            .map(H2ShapesTest::partsForH2)
            .toList();
    assertWithMessage("a soft restore's MERGE statements with a recursive query").that(merges).isNotEmpty();
    for (String statement : merges) {
      assertWithMessage("on H2: %s", statement).that(statement).doesNotContain(") IN (SELECT");
    }
  }

  /** The statement as the runtime sends it to H2: without the parts for SQLite, or for all but H2. */
  private static String partsForH2(String statement) {
    String text = statement;
    for (String part : List.of("sqlite", "not-h2")) {
      Pattern innermost = Pattern.compile("<" + part + ">((?!<" + part + ">).)*?</" + part + ">");
      for (String before = ""; !before.equals(text); ) {
        before = text;
        text = innermost.matcher(text).replaceAll("");
      }
    }
    return text.replaceAll("</?(not-sqlite|h2)>", "");
  }

  /** The statements H2 runs: every constant but those of steps for other databases only. */
  private static List<String> h2Statements() {
    List<ModelPlan> plans =
        List.of(
            Models.Forum.plan(Models.Forum.USERS),
            Models.Forum.plan(Models.Forum.POSTS),
            Models.Forum.plan(Models.Forum.COMMENTS),
            Models.Drive.plan(Models.Drive.DRIVES),
            Models.Drive.plan(Models.Drive.FOLDERS),
            plan(QUESTIONS, QUESTIONS, COMMENTS, ATTACHMENTS),
            plan(COMMENTS, COMMENTS, ATTACHMENTS));
    List<String> statements = new ArrayList<>();
    for (ModelPlan plan : plans) {
      Set<String> elsewhere =
          plan.delete().strategies().values().stream()
              .flatMap(strategy -> strategy.steps().stream())
              .filter(step -> !step.only().isEmpty() && !step.only().contains(Dialect.H2))
              .map(DeleteStep::constant)
              .collect(Collectors.toSet());
      for (Program program : List.of(plan.deleterSql(), plan.restorerSql())) {
        for (Constant constant : program.constants()) {
          if (!elsewhere.contains(constant.name())) {
            statements.add(program.render(constant.name(), Dialect.H2));
          }
        }
      }
    }
    return statements;
  }

  /**
   * The statements H2 runs for the deleters of the forum and of a helpdesk whose tickets are reached
   * through their organization and their tenant, and merged into one another ({@code SET_NULL}).
   */
  private static List<String> deleterStatements() {
    ModelSpec tenants =
        model("Tenant", "tenants", id())
            .withHasMany(hasMany("Tenant", "Organization", CASCADE))
            .withHasMany(hasMany("Tenant", "Ticket", CASCADE));
    ModelSpec organizations =
        model("Organization", "organizations", id(), foreignKey("tenant_id", "Tenant"))
            .withHasMany(hasMany("Organization", "Ticket", CASCADE));
    ModelSpec tickets =
        model("Ticket", "tickets", id(), foreignKey("tenant_id", "Tenant"), foreignKey("organization_id", "Organization"),
                foreignKey("merged_into_id", "Ticket"))
            .withHasMany(hasMany("Ticket", "Ticket", SET_NULL).withForeignKey("merged_into_id"));
    List<String> statements = new ArrayList<>();
    for (ModelPlan plan :
        List.of(
            plan(tenants, tenants, organizations, tickets),
            plan(tickets, tickets),
            Models.Forum.plan(Models.Forum.USERS),
            Models.Forum.plan(Models.Forum.COMMENTS))) {
      for (Constant constant : plan.deleterSql().constants()) {
        statements.add(partsForH2(plan.deleterSql().render(constant.name(), Dialect.H2)));
      }
    }
    return statements;
  }

  /** The text inside each {@code IN (...)} of a statement, parentheses balanced. */
  private static List<String> inSubqueries(String statement) {
    List<String> subqueries = new ArrayList<>();
    int at = statement.indexOf(" IN (");
    while (at >= 0) {
      int start = at + " IN (".length();
      int depth = 1;
      int end = start;
      while (end < statement.length() && depth > 0) {
        char c = statement.charAt(end);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        end++;
      }
      subqueries.add(statement.substring(start, end - 1));
      at = statement.indexOf(" IN (", start);
    }
    return subqueries;
  }
}
