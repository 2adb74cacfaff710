package dev.cascade.processor.plan;

import static com.google.common.truth.Truth.assertThat;
import static dev.cascade.annotations.DeleteStrategy.PERMANENT;
import static dev.cascade.annotations.DeleteStrategy.SOFT;
import static dev.cascade.annotations.DeleteStrategy.TRASH;
import static dev.cascade.annotations.OnDelete.CASCADE;
import static dev.cascade.annotations.OnDelete.RESTRICT;
import static dev.cascade.annotations.OnDelete.SET_NULL;
import static dev.cascade.processor.plan.Models.deletedAt;
import static dev.cascade.processor.plan.Models.deleterSql;
import static dev.cascade.processor.plan.Models.foreignKey;
import static dev.cascade.processor.plan.Models.hasMany;
import static dev.cascade.processor.plan.Models.id;
import static dev.cascade.processor.plan.Models.model;
import static dev.cascade.processor.plan.Models.plan;
import static dev.cascade.processor.plan.Models.stepNames;
import static dev.cascade.processor.plan.Models.steps;
import static dev.cascade.processor.plan.Models.text;

import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL a deleter runs, planned from hand-built models: no compiler involved. */
class DeletePlannerTest {
  private static final ModelSpec USERS =
      model("User", "users", id(), text("name")).withHasMany(hasMany("User", "Post", CASCADE));
  private static final ModelSpec POSTS =
      model("Post", "posts", id(), foreignKey("user_id", "User")).withHasMany(hasMany("Post", "Comment", CASCADE));
  private static final ModelSpec COMMENTS = model("Comment", "comments", id(), foreignKey("post_id", "Post"));

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void stepsRunChildrenFirstFromTheRowsThatExist(Dialect dialect) {
    ModelPlan plan = plan(USERS, USERS, POSTS, COMMENTS);

    assertThat(steps(plan, PERMANENT, dialect))
        .containsExactly(
            "DELETE FROM comments WHERE post_id IN (SELECT id FROM posts WHERE user_id IN (SELECT id FROM users"
                + " WHERE id IN (<ids>)))",
            "DELETE FROM posts WHERE user_id IN (SELECT id FROM users WHERE id IN (<ids>))",
            "DELETE FROM users WHERE id IN (<ids>)")
        .inOrder();
    assertThat(plan.delete().strategies().get(PERMANENT).steps().stream().map(DeleteStep::root).toList())
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
    ModelSpec comments =
        model("Comment", "comments", id(), foreignKey("post_id", "Post"), foreignKey("author_id", "User"));

    ModelPlan plan = plan(users, users, POSTS, comments);

    assertThat(plan.tree().childrenFirst().stream().map(ModelSpec::table).toList())
        .containsExactly("comments", "posts", "users")
        .inOrder();
  }

  @Test
  void tableReachedByTwoPathsGetsOneStatementPerRelationAndIsCountedOnce() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.USERS);

    assertThat(stepNames(plan, PERMANENT, Dialect.POSTGRESQL))
        .containsExactly(
            "DELETE_REACTIONS_BY_COMMENTS_SUBJECT_ID",
            "DELETE_REACTIONS_BY_POSTS_SUBJECT_ID",
            "DELETE_COMMENTS_BY_POST_ID",
            "DELETE_COMMENTS_BY_AUTHOR_ID",
            "DELETE_POSTS",
            "NULLIFY_SESSIONS_USER_ID",
            "DELETE_USERS")
        .inOrder();
    assertThat(deleterSql(plan, "COUNT_COMMENTS", Dialect.POSTGRESQL))
        .isEqualTo(
            "SELECT COUNT(*) FROM comments WHERE id IN (SELECT id FROM (SELECT id FROM comments WHERE post_id IN"
                + " (SELECT id FROM posts WHERE user_id IN (SELECT id FROM users WHERE id IN (<ids>))) UNION SELECT"
                + " id FROM comments WHERE author_id IN (SELECT id FROM users WHERE id IN (<ids>))) AS"
                + " cascade_reached)");
  }

  @ParameterizedTest(name = "sections declared first: {0}")
  @ValueSource(booleans = {true, false})
  void projectTasksAreDeletedBeforeTheirSectionsUnlinkWhatIsLeft(boolean sectionsFirst) {
    ModelSpec projects = model("Project", "projects", id(), text("name"));
    List<String> children = sectionsFirst ? List.of("Section", "Task") : List.of("Task", "Section");
    for (String child : children) {
      projects = projects.withHasMany(hasMany("Project", child, CASCADE));
    }
    ModelSpec sections =
        model("Section", "sections", id(), foreignKey("project_id", "Project"))
            .withHasMany(hasMany("Section", "Task", SET_NULL));
    ModelSpec tasks =
        model("Task", "tasks", id(), foreignKey("project_id", "Project"), foreignKey("section_id", "Section"));

    ModelPlan plan = plan(projects, projects, sections, tasks);

    String projectIds = "SELECT id FROM projects WHERE id IN (<ids>)";
    assertThat(steps(plan, PERMANENT, Dialect.H2))
        .containsExactly(
            "DELETE FROM tasks WHERE project_id IN (" + projectIds + ")",
            "UPDATE tasks SET section_id = NULL WHERE section_id IN (SELECT id FROM sections WHERE project_id IN ("
                + projectIds + "))",
            "DELETE FROM sections WHERE project_id IN (" + projectIds + ")",
            "DELETE FROM projects WHERE id IN (<ids>)")
        .inOrder();
  }

  /**
   * Workspaces own documents and labels; a keyless join table hangs off both, and a document may
   * pin a label: SET_NULL, or RESTRICT.
   */
  private static ModelPlan workspace(OnDelete pinned) {
    ModelSpec workspaces =
        model("Workspace", "workspaces", id())
            .withHasMany(hasMany("Workspace", "Document", CASCADE))
            .withHasMany(hasMany("Workspace", "Label", CASCADE));
    ModelSpec documents =
        model("Document", "documents", id(), foreignKey("workspace_id", "Workspace"), foreignKey("pinned_label_id", "Label"))
            .withHasMany(hasMany("Document", "DocumentLabel", CASCADE));
    ModelSpec labels =
        model("Label", "labels", id(), foreignKey("workspace_id", "Workspace"))
            .withHasMany(hasMany("Label", "DocumentLabel", CASCADE))
            .withHasMany(hasMany("Label", "Document", pinned).withForeignKey("pinned_label_id"));
    ModelSpec documentLabels =
        model("DocumentLabel", "document_labels", foreignKey("document_id", "Document"), foreignKey("label_id", "Label"));
    return plan(workspaces, workspaces, documents, labels, documentLabels);
  }

  @Test
  void aKeylessTableReachedThroughTwoRelationsIsCountedByRowPositionOnPostgresqlAndH2() {
    ModelPlan plan = workspace(SET_NULL);
    String documents = "SELECT id FROM documents WHERE workspace_id IN (SELECT id FROM workspaces WHERE id IN (<ids>))";
    String labels = "SELECT id FROM labels WHERE workspace_id IN (SELECT id FROM workspaces WHERE id IN (<ids>))";

    for (Dialect dialect : List.of(Dialect.SQLITE, Dialect.MYSQL)) {
      assertThat(deleterSql(plan, "COUNT_DOCUMENT_LABELS", dialect))
          .isEqualTo(
              "SELECT COUNT(*) FROM document_labels WHERE document_id IN (" + documents + ") OR label_id IN (" + labels
                  + ")");
    }
    // H2 runs both INs under OR for every row; each part of the union reads its parent's keys once.
    assertThat(deleterSql(plan, "COUNT_DOCUMENT_LABELS", Dialect.H2))
        .isEqualTo(
            "SELECT COUNT(*) FROM (SELECT document_labels._ROWID_ FROM (" + documents + ") AS cascade_keys JOIN"
                + " document_labels ON document_labels.document_id = cascade_keys.id UNION SELECT document_labels._ROWID_"
                + " FROM (" + labels + ") AS cascade_keys JOIN document_labels ON document_labels.label_id ="
                + " cascade_keys.id) AS cascade_keys");
    // PostgreSQL runs an IN under OR once per row when it expects many keys; each part of a union is a semi-join.
    assertThat(deleterSql(plan, "COUNT_DOCUMENT_LABELS", Dialect.POSTGRESQL))
        .isEqualTo(
            "SELECT COUNT(*) FROM (SELECT tableoid, ctid FROM document_labels WHERE document_id IN (" + documents
                + ") UNION SELECT tableoid, ctid FROM document_labels WHERE label_id IN (" + labels + ")) AS cascade_keys");
  }

  @ParameterizedTest
  @EnumSource(
      value = OnDelete.class,
      names = {"SET_NULL", "RESTRICT"})
  void rowsPointingIntoTheCascadeFromOutsideItAreFoundByAnAntiJoinOnPostgresql(OnDelete pinned) {
    ModelPlan plan = workspace(pinned);
    String constant = (pinned == SET_NULL ? "COUNT_NULLIFY" : "RESTRICT") + "_DOCUMENTS_PINNED_LABEL_ID";
    String documents = "SELECT id FROM documents WHERE workspace_id IN (SELECT id FROM workspaces WHERE id IN (<ids>))";
    String pointing =
        "SELECT COUNT(*) FROM documents WHERE pinned_label_id IN (SELECT id FROM labels WHERE workspace_id IN (SELECT id"
            + " FROM workspaces WHERE id IN (<ids>)))";

    for (Dialect dialect : List.of(Dialect.H2, Dialect.SQLITE, Dialect.MYSQL)) {
      assertThat(deleterSql(plan, constant, dialect))
          .isEqualTo(pointing + " AND NOT COALESCE(workspace_id IN (SELECT id FROM workspaces WHERE id IN (<ids>)), FALSE)");
    }
    assertThat(deleterSql(plan, constant, Dialect.POSTGRESQL))
        .isEqualTo(
            pointing + " AND NOT EXISTS (SELECT 1 FROM (" + documents + ") AS cascade_reached_keys"
                + " WHERE cascade_reached_keys.id = documents.id)");
  }

  @Test
  void softDeleteMarksOnlyRowsNotSoftDeletedYetWithTheOperationsTime() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.USERS);

    assertThat(deleterSql(plan, "MARK_POSTS", Dialect.POSTGRESQL))
        .isEqualTo(
            "UPDATE posts SET deleted_at = :deletedAt WHERE deleted_at IS NULL AND user_id IN (SELECT id FROM users"
                + " WHERE deleted_at IS NULL AND id IN (<ids>))");
    assertThat(stepNames(plan, SOFT, Dialect.POSTGRESQL)).doesNotContain("NULLIFY_SESSIONS_USER_ID");
  }

  @Test
  void trashCopiesEachRelationsRowsJustBeforeDeletingThem() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.USERS);

    List<DeleteStep> steps = plan.delete().strategies().get(TRASH).steps();
    assertThat(steps.stream().map(s -> s.kind() + " " + s.table()).toList())
        .containsExactly(
            "COPY reactions", "DELETE reactions", "COPY reactions", "DELETE reactions",
            "COPY comments", "DELETE comments", "COPY comments", "DELETE comments",
            "COPY posts", "DELETE posts", "NULLIFY sessions", "COPY users", "DELETE users")
        .inOrder();
    assertThat(deleterSql(plan, "COPY_POSTS", Dialect.SQLITE))
        .isEqualTo(
            "INSERT INTO posts_trash (id, user_id, title, deleted_at, trashed_at, original_table, deletion_id)"
                + " SELECT id, user_id, title, deleted_at, :deletedAt, 'posts', :deletionId FROM posts"
                + " WHERE user_id IN (SELECT id FROM users WHERE id IN (<ids>))");
  }

  /**
   * A table that unlinks its own rows (a fork's link to its original): the trash copies them
   * first, so that a copy keeps its link to a row trashed with it; then the rows the operation
   * keeps are unlinked (counted) apart from those it deletes (not counted), before the delete.
   */
  @Test
  void aTableThatUnlinksItsOwnRowsIsCopiedBeforeItIsUnlinked() {
    ModelSpec cooks = model("Cook", "cooks", id()).withHasMany(hasMany("Cook", "Dish", CASCADE));
    ModelSpec dishes =
        model("Dish", "dishes", id(), foreignKey("cook_id", "Cook"), foreignKey("forked_from_id", "Dish"))
            .withHasMany(hasMany("Dish", "Dish", SET_NULL).withForeignKey("forked_from_id"));

    ModelPlan plan = plan(cooks, cooks, dishes);

    assertThat(stepNames(plan, TRASH, Dialect.POSTGRESQL))
        .containsExactly(
            "COPY_DISHES", "NULLIFY_DISHES_FORKED_FROM_ID", "UNLINK_DISHES_FORKED_FROM_ID", "DELETE_DISHES", "COPY_COOKS",
            "DELETE_COOKS")
        .inOrder();
    assertThat(stepNames(plan, PERMANENT, Dialect.POSTGRESQL))
        .containsExactly("NULLIFY_DISHES_FORKED_FROM_ID", "UNLINK_DISHES_FORKED_FROM_ID", "DELETE_DISHES", "DELETE_COOKS")
        .inOrder();
    String reached = "SELECT id FROM dishes WHERE cook_id IN (SELECT id FROM cooks WHERE id IN (<ids>))";
    assertThat(deleterSql(plan, "NULLIFY_DISHES_FORKED_FROM_ID", Dialect.SQLITE))
        .isEqualTo(
            "UPDATE dishes SET forked_from_id = NULL WHERE forked_from_id IN (" + reached
                + ") AND NOT COALESCE(cook_id IN (SELECT id FROM cooks WHERE id IN (<ids>)), FALSE)");
    assertThat(deleterSql(plan, "UNLINK_DISHES_FORKED_FROM_ID", Dialect.SQLITE))
        .isEqualTo("UPDATE dishes SET forked_from_id = NULL WHERE forked_from_id IN (" + reached + ")");
    // PostgreSQL leaves the deleted rows out by NOT EXISTS, as its counts do; H2 changes the table
    // it reads through a MERGE, its columns qualified, and tells the deleted rows by their own
    // columns: an IN over the table's keys, read again for every row, took minutes for 20,000.
    assertThat(deleterSql(plan, "NULLIFY_DISHES_FORKED_FROM_ID", Dialect.POSTGRESQL))
        .isEqualTo(
            "UPDATE dishes SET forked_from_id = NULL WHERE forked_from_id IN (" + reached + ") AND NOT EXISTS (SELECT 1"
                + " FROM (" + reached + ") AS cascade_reached_keys WHERE cascade_reached_keys.id = dishes.id)");
    assertThat(deleterSql(plan, "NULLIFY_DISHES_FORKED_FROM_ID", Dialect.H2))
        .isEqualTo(
            "MERGE INTO dishes USING (" + reached + ") AS cascade_keys ON dishes.forked_from_id = cascade_keys.id"
                + " WHEN MATCHED AND NOT COALESCE(dishes.cook_id IN (SELECT id FROM cooks WHERE id IN (<ids>)), FALSE)"
                + " THEN UPDATE SET forked_from_id = NULL");
  }

  /** Reached through two relations, such a table is copied once, every row, before any is unlinked or deleted. */
  @Test
  void aTableThatUnlinksItsOwnRowsReachedTwiceIsCopiedInOneStatement() {
    ModelSpec users =
        model("User", "users", id())
            .withHasMany(hasMany("User", "Post", CASCADE))
            .withHasMany(hasMany("User", "Comment", CASCADE).withForeignKey("author_id"));
    ModelSpec posts = model("Post", "posts", id(), foreignKey("user_id", "User")).withHasMany(hasMany("Post", "Comment", CASCADE));
    ModelSpec comments =
        model("Comment", "comments", id(), foreignKey("post_id", "Post"), foreignKey("author_id", "User"),
                foreignKey("reply_to_id", "Comment"))
            .withHasMany(hasMany("Comment", "Comment", SET_NULL).withForeignKey("reply_to_id"));

    ModelPlan plan = plan(users, users, posts, comments);

    assertThat(stepNames(plan, TRASH, Dialect.POSTGRESQL))
        .containsExactly(
            "COPY_COMMENTS", "NULLIFY_COMMENTS_REPLY_TO_ID", "UNLINK_COMMENTS_REPLY_TO_ID", "DELETE_COMMENTS_BY_POST_ID",
            "DELETE_COMMENTS_BY_AUTHOR_ID", "COPY_POSTS", "DELETE_POSTS", "COPY_USERS", "DELETE_USERS")
        .inOrder();
    assertThat(deleterSql(plan, "COPY_COMMENTS", Dialect.SQLITE))
        .endsWith(
            " FROM comments WHERE id IN (SELECT id FROM (SELECT id FROM comments WHERE post_id IN (SELECT id FROM posts"
                + " WHERE user_id IN (SELECT id FROM users WHERE id IN (<ids>))) UNION SELECT id FROM comments WHERE"
                + " author_id IN (SELECT id FROM users WHERE id IN (<ids>))) AS cascade_reached)");
    // H2 locks each row it copies, then would run the IN over the UNION again for it: there the
    // rows are told by their own columns, each relation's condition joined by OR.
    String byPost = "comments.post_id IN (SELECT id FROM posts WHERE user_id IN (SELECT id FROM users WHERE id IN (<ids>)))";
    String byAuthor = "comments.author_id IN (SELECT id FROM users WHERE id IN (<ids>))";
    assertThat(deleterSql(plan, "COPY_COMMENTS", Dialect.H2)).endsWith(" FROM comments WHERE " + byPost + " OR " + byAuthor);
    assertThat(deleterSql(plan, "NULLIFY_COMMENTS_REPLY_TO_ID", Dialect.H2))
        .endsWith(" WHEN MATCHED AND NOT COALESCE(" + byPost + " OR " + byAuthor + ", FALSE) THEN UPDATE SET reply_to_id = NULL");
  }

  /** Unlinking the roots' own table on H2, the rows the call names are told by their keys, not by a query of the table. */
  @Test
  void onH2TheRootsOfATableThatUnlinksItsOwnRowsAreToldByTheirKeys() {
    ModelSpec dishes =
        model("Dish", "dishes", id(), foreignKey("forked_from_id", "Dish"))
            .withHasMany(hasMany("Dish", "Dish", SET_NULL).withForeignKey("forked_from_id"));

    ModelPlan plan = plan(dishes, dishes);

    assertThat(deleterSql(plan, "NULLIFY_DISHES_FORKED_FROM_ID", Dialect.H2))
        .isEqualTo(
            "MERGE INTO dishes USING (SELECT id FROM dishes WHERE id IN (<ids>)) AS cascade_keys ON dishes.forked_from_id"
                + " = cascade_keys.id WHEN MATCHED AND NOT COALESCE(dishes.id IN (<ids>), FALSE) THEN UPDATE SET"
                + " forked_from_id = NULL");
  }

  @Test
  void restrictCountsChildrenOutsideTheCascadeAndSoftCountsLiveOnes() {
    ModelSpec invoices = model("Invoice", "invoices", id(), foreignKey("user_id", "User"), deletedAt());
    ModelSpec users =
        model("User", "users", id(), deletedAt()).withHasMany(hasMany("User", "Invoice", RESTRICT));

    ModelPlan plan = plan(users, users, invoices);

    Restriction permanent = plan.delete().strategies().get(PERMANENT).restrictions().get(0);
    assertThat(List.of(permanent.table(), permanent.column(), permanent.parent()))
        .containsExactly("invoices", "user_id", "users");
    assertThat(deleterSql(plan, permanent.constant(), Dialect.H2))
        .isEqualTo("SELECT COUNT(*) FROM invoices WHERE user_id IN (SELECT id FROM users WHERE id IN (<ids>))");
    Restriction soft = plan.delete().strategies().get(SOFT).restrictions().get(0);
    assertThat(deleterSql(plan, soft.constant(), Dialect.H2))
        .isEqualTo(
            "SELECT COUNT(*) FROM invoices WHERE deleted_at IS NULL AND user_id IN (SELECT id FROM users"
                + " WHERE deleted_at IS NULL AND id IN (<ids>))");
  }

  @Test
  void polymorphicWhereIsParenthesizedAndItsColumnsNamedAsGeneratedSqlNamesThem() {
    ModelSpec notes =
        model("Note", "notes", id(), text("value"), foreignKey("owner_id", "User"));
    ModelSpec users =
        model("User", "users", id()).withHasMany(hasMany("User", "Note", CASCADE).withWhere("value = 'x' OR value IS NULL"));

    ModelPlan plan = plan(users, users, notes);

    assertThat(steps(plan, PERMANENT, Dialect.POSTGRESQL).get(0))
        .isEqualTo(
            "DELETE FROM notes WHERE owner_id IN (SELECT id FROM users WHERE id IN (<ids>))"
                + " AND (\"value\" = 'x' OR \"value\" IS NULL)");
  }

  @Test
  void reservedNamesAreQuotedInOneTextForEveryDatabase() {
    ModelSpec customers = model("Customer", "customers", id()).withHasMany(hasMany("Customer", "Order", CASCADE));
    ModelSpec orders = model("Order", "order", id(), foreignKey("customer_id", "Customer"), text("group"));

    ModelPlan plan = plan(customers, customers, orders);

    for (Dialect dialect : Dialect.values()) {
      assertThat(steps(plan, PERMANENT, dialect).get(0))
          .isEqualTo("DELETE FROM \"order\" WHERE customer_id IN (SELECT id FROM customers WHERE id IN (<ids>))");
    }
    assertThat(plan.deleterSql().constants().stream().filter(c -> !c.variants().isEmpty()).toList()).isEmpty();
    assertThat(plan.reserved())
        .containsExactly(
            "group", List.of(Dialect.H2, Dialect.POSTGRESQL, Dialect.SQLITE, Dialect.MYSQL),
            "order", List.of(Dialect.H2, Dialect.POSTGRESQL, Dialect.SQLITE, Dialect.MYSQL));
  }

  @Test
  void treeRowsBelowTheTopsGoInOneStatementWhereKeysAreCheckedPerStatementAfterNestedTopsAreUnlinked() {
    ModelPlan plan = Models.Drive.plan(Models.Drive.FOLDERS);

    for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.SQLITE)) {
      assertThat(stepNames(plan, PERMANENT, dialect))
          .containsExactly("DELETE_DOCUMENTS", "DETACH_NESTED_FOLDERS", "DELETE_FOLDERS_BELOW", "DELETE_FOLDERS")
          .inOrder();
    }
    assertThat(deleterSql(plan, "DETACH_NESTED_FOLDERS", Dialect.POSTGRESQL))
        .isEqualTo(
            "UPDATE folders SET parent_id = NULL WHERE id IN (SELECT cascade_key FROM (WITH RECURSIVE"
                + " cascade_folders_up (cascade_key, cascade_ancestor) AS (SELECT id, parent_id FROM folders WHERE id IN"
                + " (<ids>) UNION SELECT cascade_key, folders.parent_id FROM cascade_folders_up JOIN folders ON"
                + " folders.id = cascade_ancestor WHERE cascade_ancestor NOT IN (<ids>)) SELECT cascade_key FROM"
                + " cascade_folders_up WHERE cascade_ancestor IN (<ids>)) AS cascade_folders_nested)");
    assertThat(deleterSql(plan, "DELETE_FOLDERS_BELOW", Dialect.POSTGRESQL))
        .isEqualTo(
            "DELETE FROM folders WHERE id IN (SELECT cascade_key AS id FROM (WITH RECURSIVE cascade_folders_tree"
                + " (cascade_key, cascade_top, cascade_depth) AS (SELECT id, id, 0 FROM folders WHERE id IN (<ids>)"
                + " UNION ALL SELECT folders.id, cascade_top, cascade_depth + 1 FROM folders JOIN"
                + " cascade_folders_tree ON folders.parent_id = cascade_key WHERE NOT COALESCE(id IN (<ids>), FALSE))"
                + " SELECT cascade_key FROM cascade_folders_tree WHERE cascade_depth"
                + " > 0) AS cascade_folders_tree_below)");
    assertThat(deleterSql(plan, "DELETE_FOLDERS", Dialect.POSTGRESQL)).isEqualTo("DELETE FROM folders WHERE id IN (<ids>)");
  }

  @Test
  void treeRowsBelowTheTopsAreFirstPointedAtTheirTopsWhereKeysAreCheckedRowByRow() {
    ModelPlan plan = Models.Drive.plan(Models.Drive.FOLDERS);

    for (Dialect dialect : List.of(Dialect.H2, Dialect.MYSQL)) {
      assertThat(stepNames(plan, PERMANENT, dialect))
          .containsExactly("DELETE_DOCUMENTS", "FLATTEN_FOLDERS", "DELETE_FOLDERS_BELOW", "DELETE_FOLDERS")
          .inOrder();
    }
    String tops = "SELECT id FROM (SELECT DISTINCT id FROM folders WHERE id IN (<ids>)) AS cascade_folders_tops";
    assertThat(deleterSql(plan, "DELETE_FOLDERS_BELOW", Dialect.MYSQL))
        .isEqualTo("DELETE FROM folders WHERE parent_id IN (" + tops + ") AND id NOT IN (" + tops + ")");
    // H2 runs a subquery of the table it changes once per row it changes: a MERGE, the tops joined.
    assertThat(deleterSql(plan, "DELETE_FOLDERS_BELOW", Dialect.H2))
        .isEqualTo(
            "MERGE INTO folders USING (SELECT cascade_below.id FROM (SELECT id AS cascade_top FROM folders WHERE id IN"
                + " (<ids>)) AS cascade_tops JOIN folders AS cascade_below ON cascade_below.parent_id ="
                + " cascade_tops.cascade_top WHERE cascade_below.id <> cascade_below.parent_id) AS cascade_keys ON"
                + " folders.id = cascade_keys.id WHEN MATCHED THEN DELETE");
    String subtree =
        "WITH RECURSIVE cascade_folders_tree (cascade_key, cascade_top, cascade_depth) AS (SELECT id, id, 0 FROM"
            + " folders WHERE id IN (<ids>) UNION ALL SELECT folders.id, cascade_top, cascade_depth + 1 FROM folders"
            + " JOIN cascade_folders_tree ON folders.parent_id = cascade_key WHERE NOT COALESCE(id IN (<ids>),"
            + " FALSE))";
    // On H2 tops point at themselves: no join back to the recursive query, which H2 runs once per row.
    assertThat(deleterSql(plan, "FLATTEN_FOLDERS", Dialect.H2))
        .isEqualTo(
            "MERGE INTO folders USING (SELECT cascade_key, CASE WHEN cascade_depth > 0 THEN cascade_top ELSE"
                + " cascade_key END AS cascade_new_parent FROM (" + subtree + " SELECT cascade_key, cascade_top,"
                + " cascade_depth FROM cascade_folders_tree) AS cascade_folders_flat) AS cascade_folders_flat ON"
                + " folders.id = cascade_folders_flat.cascade_key WHEN MATCHED THEN UPDATE SET parent_id ="
                + " cascade_folders_flat.cascade_new_parent");
    // MariaDB will not delete a row that points at itself: a top inside the subtree points at none.
    assertThat(deleterSql(plan, "FLATTEN_FOLDERS", Dialect.MYSQL))
        .isEqualTo(
            "UPDATE folders JOIN (SELECT cascade_key, cascade_new_parent FROM (" + subtree + " SELECT c.cascade_key,"
                + " CASE WHEN c.cascade_depth > 0 THEN c.cascade_top END AS cascade_new_parent FROM"
                + " cascade_folders_tree AS c JOIN folders ON folders.id = c.cascade_key LEFT JOIN cascade_folders_tree"
                + " AS pc ON folders.parent_id = pc.cascade_key WHERE c.cascade_depth > 0 OR pc.cascade_key IS NOT"
                + " NULL) AS cascade_folders_flat) AS cascade_folders_flat ON folders.id = cascade_folders_flat.cascade_key"
                + " SET folders.parent_id = cascade_folders_flat.cascade_new_parent");
  }

  @Test
  void treeCountOfStatementsDoesNotDependOnDepthAndSoftMarksBelowThenTops() {
    ModelPlan plan = Models.Drive.plan(Models.Drive.FOLDERS);

    assertThat(stepNames(plan, SOFT, Dialect.H2))
        .containsExactly("MARK_DOCUMENTS", "MARK_FOLDERS_BELOW", "MARK_FOLDERS")
        .inOrder();
    assertThat(stepNames(plan, TRASH, Dialect.POSTGRESQL))
        .containsExactly(
            "COPY_DOCUMENTS", "DELETE_DOCUMENTS", "COPY_FOLDERS_BELOW", "COPY_FOLDERS", "DETACH_NESTED_FOLDERS",
            "DELETE_FOLDERS_BELOW", "DELETE_FOLDERS")
        .inOrder();
  }

  @Test
  void statementsOverARecursiveQueryAreMergesOnH2AndSubqueriesBelowItAreJoins() {
    ModelPlan plan = Models.Drive.plan(Models.Drive.DRIVES);

    assertThat(deleterSql(plan, "MARK_DOCUMENTS", Dialect.H2)).startsWith("MERGE INTO documents USING (SELECT");
    assertThat(deleterSql(plan, "MARK_DOCUMENTS", Dialect.POSTGRESQL)).startsWith("UPDATE documents SET");
    assertThat(deleterSql(plan, "COUNT_DOCUMENTS", Dialect.POSTGRESQL))
        .startsWith("SELECT COUNT(*) FROM (SELECT documents.id FROM (SELECT cascade_key AS id FROM (WITH RECURSIVE");
  }

  /**
   * A table without a key below a tree, reached through one relation (watchers of a drive's
   * documents), is counted for a preview through a join to its parent's keys, as a keyed one is, on
   * every database: H2 ran the tree's recursive query of an {@code IN} again for every row it
   * looked at (trial 25: a preview of 6,000 watchers took 103 s where the delete took 0.2 s); and so
   * is the soft restore's preview.
   */
  @Test
  void aKeylessTableBelowATreeIsCountedThroughAJoinToItsParentsKeys() {
    ModelSpec documents = Models.Drive.DOCUMENTS.withHasMany(hasMany("Document", "Watcher", CASCADE));
    ModelSpec watchers = model("Watcher", "watchers", foreignKey("document_id", "Document"), deletedAt());
    ModelPlan plan = plan(Models.Drive.DRIVES, Models.Drive.DRIVES, Models.Drive.FOLDERS, documents, watchers);

    for (Dialect dialect : Dialect.values()) {
      assertThat(deleterSql(plan, "COUNT_WATCHERS", dialect)).startsWith("SELECT COUNT(*) FROM (SELECT documents.id FROM (");
      assertThat(deleterSql(plan, "COUNT_WATCHERS", dialect))
          .endsWith(") AS cascade_keys JOIN watchers ON watchers.document_id = cascade_keys.id");
      assertThat(deleterSql(plan, "SOFT_COUNT_WATCHERS", dialect))
          .endsWith(") AS cascade_keys JOIN watchers ON watchers.document_id = cascade_keys.id WHERE watchers.deleted_at IS NULL");
      assertThat(Models.restorerSql(plan, "SOFT_DELETED_WATCHERS_ROWS", dialect))
          .endsWith(") AS cascade_keys JOIN watchers ON watchers.document_id = cascade_keys.id AND watchers.deleted_at ="
              + " cascade_keys.deleted_at WHERE watchers.deleted_at IN (<markers>)");
    }
  }

  /**
   * A tree whose rows also link to one another by {@code SET_NULL}: on H2 the rows the delete
   * unlinks, and the preview counts, are those that point into the tree {@code EXCEPT} the tree's
   * own, each query read once; the other databases keep their condition.
   */
  @Test
  void aTreeThatUnlinksItsOwnRowsFindsTheRowsItKeepsByExceptOnH2() {
    ModelSpec comments =
        model("Comment", "comments", id(), foreignKey("reply_to_id", "Comment"), foreignKey("quotes_id", "Comment"))
            .withHasMany(hasMany("Comment", "Comment", CASCADE).withForeignKey("reply_to_id"))
            .withHasMany(hasMany("Comment", "Comment", SET_NULL).withForeignKey("quotes_id"));

    ModelPlan plan = plan(comments, comments);

    String keys = deleterSql(plan, "COMMENTS_IN_CASCADE", Dialect.H2);
    String outside =
        "SELECT comments.id FROM (" + keys + ") AS cascade_keys JOIN comments ON comments.quotes_id = cascade_keys.id"
            + " EXCEPT SELECT id FROM (" + keys + ") AS cascade_reached";
    assertThat(deleterSql(plan, "COUNT_NULLIFY_COMMENTS_QUOTES_ID", Dialect.H2))
        .isEqualTo("SELECT COUNT(*) FROM (" + outside + ") AS cascade_outside");
    assertThat(deleterSql(plan, "NULLIFY_COMMENTS_QUOTES_ID", Dialect.H2))
        .isEqualTo(
            "MERGE INTO comments USING (" + outside + ") AS cascade_outside ON comments.id = cascade_outside.id WHEN MATCHED"
                + " THEN UPDATE SET quotes_id = NULL");
    assertThat(deleterSql(plan, "COUNT_NULLIFY_COMMENTS_QUOTES_ID", Dialect.SQLITE))
        .isEqualTo(
            "SELECT COUNT(*) FROM comments WHERE quotes_id IN (" + keys + ") AND NOT COALESCE(id IN (" + keys + "), FALSE)");
  }

  @Test
  void onlyWholeStatementsDifferByDatabaseNeverTheSubqueriesTheyShare() {
    for (ModelPlan plan :
        List.of(Models.Forum.plan(Models.Forum.USERS), Models.Drive.plan(Models.Drive.DRIVES), Models.Drive.plan(Models.Drive.FOLDERS))) {
      for (Program program : List.of(plan.deleterSql(), plan.restorerSql())) {
        for (Constant constant : program.constants()) {
          if (constant.variants().isEmpty()) {
            continue;
          }
          for (Constant other : program.constants()) {
            assertThat(other.sql().parts()).doesNotContain(new SqlText.Part.Ref(constant.name()));
          }
        }
      }
    }
  }

  @Test
  void everyConstantIsUsedByAStepOrAnotherConstant() {
    ModelPlan plan = Models.Drive.plan(Models.Drive.DRIVES);

    List<String> used = new ArrayList<>(List.of(plan.delete().selectRoots()));
    for (StrategyPlan strategy : plan.delete().strategies().values()) {
      strategy.restrictions().forEach(r -> used.add(r.constant()));
      strategy.steps().forEach(s -> used.add(s.constant()));
      strategy.preview().forEach(c -> used.add(c.constant()));
    }
    for (Constant constant : plan.deleterSql().constants()) {
      List<SqlText> texts = new ArrayList<>(constant.variants().values());
      texts.add(constant.sql());
      for (SqlText text : texts) {
        for (SqlText.Part part : text.parts()) {
          if (part instanceof SqlText.Part.Ref ref) {
            used.add(ref.constant());
          }
        }
      }
    }
    assertThat(used).containsAtLeastElementsIn(plan.deleterSql().constants().stream().map(Constant::name).toList());
  }

  @Test
  void planningTwiceGivesTheSameConstantsInTheSameOrder() {
    ModelPlan first = Models.Forum.plan(Models.Forum.USERS);
    ModelPlan second = Models.Forum.plan(Models.Forum.USERS);

    assertThat(second.deleterSql().constants()).containsExactlyElementsIn(first.deleterSql().constants()).inOrder();
    assertThat(second.restorerSql().constants()).containsExactlyElementsIn(first.restorerSql().constants()).inOrder();
  }

  @Test
  void softIsNotPlannedWhenATableOfTheCascadeHasNoSoftDeleteColumn() {
    ModelPlan plan = plan(USERS, USERS, POSTS, COMMENTS);

    assertThat(plan.delete().strategies().keySet()).containsExactly(PERMANENT, TRASH).inOrder();
    assertThat(plan.delete().softUnsupported())
        .hasValue("these tables of its cascade have no soft-delete column of a time type: comments (deleted_at), posts (deleted_at), users (deleted_at)");
    assertThat(plan.restore().soft()).isEmpty();
    assertThat(Map.of("strategies", plan.delete().strategies().size())).containsEntry("strategies", 2);
  }
}
