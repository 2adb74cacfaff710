package dev.cascade.processor.plan;

import static com.google.common.truth.Truth.assertThat;
import static dev.cascade.annotations.OnDelete.CASCADE;
import static dev.cascade.annotations.OnDelete.RESTRICT;
import static dev.cascade.annotations.OnDelete.SET_NULL;
import static dev.cascade.processor.plan.Models.deletedAt;
import static dev.cascade.processor.plan.Models.foreignKey;
import static dev.cascade.processor.plan.Models.hasMany;
import static dev.cascade.processor.plan.Models.id;
import static dev.cascade.processor.plan.Models.model;
import static dev.cascade.processor.plan.Models.plan;
import static dev.cascade.processor.plan.Models.restorerSql;
import static dev.cascade.processor.plan.Models.text;

import com.palantir.javapoet.ClassName;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL a restorer runs, planned from hand-built models: no compiler involved. */
class RestorePlannerTest {
  private static final String SOFT_USERS =
      "SELECT id, deleted_at FROM users WHERE deleted_at IN (<markers>) AND id IN (<ids>)";
  private static final String TRASHED_USERS =
      "SELECT id, deletion_id FROM users_trash WHERE original_table = 'users' AND deletion_id IN (<markers>)"
          + "<only-named> AND (id, trashed_at) IN (SELECT id, MAX(trashed_at) FROM users_trash WHERE original_table ="
          + " 'users' AND id IN (<ids>) GROUP BY id)</only-named>";

  private static List<String> softSteps(ModelPlan plan) {
    return plan.restore().soft().orElseThrow().steps().stream().map(s -> s.kind() + " " + s.constant()).toList();
  }

  private static List<String> trashSteps(ModelPlan plan) {
    return plan.restore().trash().steps().stream().map(s -> s.kind() + " " + s.constant()).toList();
  }

  @Test
  void softRestoreClearsTheMarkerTableByTableChildrenFirst() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.USERS);

    assertThat(softSteps(plan))
        .containsExactly("UNMARK UNMARK_REACTIONS", "UNMARK UNMARK_COMMENTS", "UNMARK UNMARK_POSTS", "UNMARK UNMARK_USERS")
        .inOrder();
    assertThat(restorerSql(plan, "UNMARK_USERS", Dialect.POSTGRESQL))
        .isEqualTo("UPDATE users SET deleted_at = NULL WHERE deleted_at IN (<markers>) AND id IN (<ids>)");
    assertThat(restorerSql(plan, "UNMARK_POSTS", Dialect.POSTGRESQL))
        .isEqualTo(
            "UPDATE posts SET deleted_at = NULL WHERE deleted_at IN (<markers>) AND (user_id, deleted_at) IN ("
                + SOFT_USERS + ")");
    assertThat(restorerSql(plan, "UNMARK_POSTS", Dialect.H2))
        .isEqualTo(
            "MERGE INTO posts USING (" + SOFT_USERS + ") AS cascade_keys ON posts.user_id = cascade_keys.id AND"
                + " posts.deleted_at = cascade_keys.deleted_at WHEN MATCHED AND posts.deleted_at IN (<markers>)"
                + " THEN UPDATE SET deleted_at = NULL");
  }

  @Test
  void aTableReachedTwiceIsRestoredThroughItsKeysReadAsADerivedTable() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.USERS);

    String comments = restorerSql(plan, "SOFT_DELETED_COMMENTS", Dialect.POSTGRESQL);
    assertThat(comments)
        .isEqualTo(
            "SELECT id, deleted_at FROM (SELECT comments.id, comments.deleted_at FROM (SELECT posts.id,"
                + " posts.deleted_at FROM (" + SOFT_USERS + ") AS cascade_keys JOIN posts ON posts.user_id ="
                + " cascade_keys.id AND posts.deleted_at = cascade_keys.deleted_at WHERE posts.deleted_at IN"
                + " (<markers>)) AS cascade_keys JOIN comments ON comments.post_id = cascade_keys.id AND"
                + " comments.deleted_at = cascade_keys.deleted_at WHERE comments.deleted_at IN (<markers>) UNION"
                + " SELECT comments.id, comments.deleted_at FROM (" + SOFT_USERS + ") AS cascade_keys JOIN comments"
                + " ON comments.author_id = cascade_keys.id AND comments.deleted_at = cascade_keys.deleted_at WHERE"
                + " comments.deleted_at IN (<markers>)) AS cascade_reached");
    assertThat(restorerSql(plan, "UNMARK_COMMENTS", Dialect.MYSQL))
        .isEqualTo(
            "UPDATE comments SET deleted_at = NULL WHERE (id, deleted_at) IN (SELECT id, deleted_at FROM ("
                + comments + ") AS cascade_rows)");
  }

  @Test
  void parentChecksLeaveOutTheRelationThroughWhichEveryRowOfATableWasReached() {
    ModelPlan users = Models.Forum.plan(Models.Forum.USERS);
    ModelPlan posts = Models.Forum.plan(Models.Forum.POSTS);

    assertThat(checks(users))
        .containsExactly(
            "comments.post_id -> posts", "comments.author_id -> users",
            "reactions.subject_id -> comments", "reactions.subject_id -> posts")
        .inOrder();
    // Restoring a post alone: its own user must be live; its comments' authors too.
    assertThat(checks(posts))
        .containsExactly(
            "posts.user_id -> users", "comments.author_id -> users",
            "reactions.subject_id -> comments", "reactions.subject_id -> posts")
        .inOrder();
  }

  private static List<String> checks(ModelPlan plan) {
    return plan.restore().soft().orElseThrow().checks().checks().stream()
        .map(c -> c.table() + "." + c.column() + " -> " + c.parent())
        .toList();
  }

  /**
   * A table that unlinks its own rows: a row comes back linked to a live row, and unlinked from a
   * row this restore brings back (which may come later in the statement, or under a new key); once
   * every row is in, a relink points it at that row as its trash copy does, re-keyed.
   */
  @Test
  void aTableThatUnlinksItsOwnRowsIsRelinkedOnceEveryRowIsBack() {
    ModelSpec dishes =
        model("Dish", "dishes", id(), foreignKey("forked_from_id", "Dish"))
            .withHasMany(hasMany("Dish", "Dish", SET_NULL).withForeignKey("forked_from_id"));

    ModelPlan plan = plan(dishes, dishes);

    assertThat(trashSteps(plan))
        .containsExactly("INSERT INSERT_DISHES", "RELINK RELINK_DISHES_FORKED_FROM_ID", "PURGE PURGE_DISHES")
        .inOrder();
    assertThat(restorerSql(plan, "INSERT_DISHES", Dialect.POSTGRESQL))
        .contains(
            "CASE WHEN dishes_trash.forked_from_id IS NOT NULL AND (NOT EXISTS (SELECT 1 FROM dishes AS cascade_parent"
                + " WHERE cascade_parent.id = dishes_trash.forked_from_id) OR dishes_trash.forked_from_id IN (SELECT id FROM (");
    String relink = restorerSql(plan, "RELINK_DISHES_FORKED_FROM_ID", Dialect.SQLITE);
    assertThat(relink)
        .startsWith(
            "UPDATE dishes SET forked_from_id = (SELECT <rekeyed:dishes_trash.forked_from_id|dishes_trash.deleted_at>"
                + " FROM dishes_trash WHERE (dishes_trash.id, dishes_trash.deletion_id) IN (SELECT id, deletion_id FROM (");
    assertThat(relink).contains(") AS cascade_restored) AND dishes_trash.id = dishes.id) WHERE dishes.forked_from_id IS NULL");
    assertThat(relink).contains(" AND <kept:dishes_trash.id> AND dishes_trash.forked_from_id IN (SELECT id FROM (");
    // PostgreSQL reads the copies once and joins them, in a whole restore by deletion_id alone, and
    // looks the linked row up live.
    String joined = restorerSql(plan, "RELINK_DISHES_FORKED_FROM_ID", Dialect.POSTGRESQL);
    assertThat(joined)
        .startsWith(
            "UPDATE dishes SET forked_from_id = cascade_relinked.cascade_link FROM (SELECT dishes_trash.id,"
                + " <rekeyed:dishes_trash.forked_from_id|dishes_trash.deleted_at> AS cascade_link FROM dishes_trash WHERE"
                + " dishes_trash.original_table = 'dishes' AND dishes_trash.deletion_id IN (<markers>)<only-named> AND"
                + " (dishes_trash.id, dishes_trash.deletion_id) IN (SELECT id, deletion_id FROM (");
    assertThat(joined)
        .endsWith(
            ") AS cascade_restored)</only-named> AND <kept:dishes_trash.id> AND dishes_trash.forked_from_id IS NOT NULL)"
                + " AS cascade_relinked WHERE dishes.id = cascade_relinked.id AND dishes.forked_from_id IS NULL AND EXISTS"
                + " (SELECT 1 FROM dishes AS cascade_parent WHERE cascade_parent.id = cascade_relinked.cascade_link)");
    // H2 copies the link back null, and a MERGE sets it where the linked row is live: it reads the
    // copies once, joined to the restored keys unless the restore is of whole operations.
    assertThat(restorerSql(plan, "INSERT_DISHES", Dialect.H2))
        .startsWith("INSERT INTO dishes (id, forked_from_id)<overriding> SELECT dishes_trash.id, NULL FROM dishes_trash WHERE ");
    String merged = restorerSql(plan, "RELINK_DISHES_FORKED_FROM_ID", Dialect.H2);
    assertThat(merged)
        .startsWith(
            "MERGE INTO dishes USING (SELECT dishes_trash.id, <rekeyed:dishes_trash.forked_from_id|dishes_trash.deleted_at>"
                + " AS cascade_link FROM dishes_trash<only-named> JOIN (" + restorerSql(plan, "TRASHED_DISHES", Dialect.H2)
                + ") AS cascade_keys ON dishes_trash.id = cascade_keys.id AND dishes_trash.deletion_id ="
                + " cascade_keys.deletion_id</only-named> WHERE dishes_trash.original_table = 'dishes' AND");
    assertThat(merged)
        .endsWith(
            " AND <kept:dishes_trash.id> AND dishes_trash.forked_from_id IS NOT NULL) AS cascade_relinked ON dishes.id ="
                + " cascade_relinked.id WHEN MATCHED AND dishes.forked_from_id IS NULL AND EXISTS (SELECT 1 FROM dishes AS"
                + " cascade_parent WHERE cascade_parent.id = cascade_relinked.cascade_link) THEN UPDATE SET forked_from_id ="
                + " cascade_relinked.cascade_link");
  }

  @Test
  void checksRunAsOneQueryThatNumbersTheFirstOneFindingARow() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.USERS);

    Checks checks = plan.restore().soft().orElseThrow().checks();
    assertThat(restorerSql(plan, checks.combined().orElseThrow(), Dialect.H2))
        .isEqualTo(
            "SELECT 1 FROM (" + restorerSql(plan, checks.checks().get(0).constant(), Dialect.H2) + ") AS cascade_check_1"
                + " UNION ALL SELECT 2 FROM (" + restorerSql(plan, checks.checks().get(1).constant(), Dialect.H2)
                + ") AS cascade_check_2 UNION ALL SELECT 3 FROM ("
                + restorerSql(plan, checks.checks().get(2).constant(), Dialect.H2) + ") AS cascade_check_3 UNION ALL"
                + " SELECT 4 FROM (" + restorerSql(plan, checks.checks().get(3).constant(), Dialect.H2)
                + ") AS cascade_check_4");
    // The parents needed against those coming back, counted: no NOT IN, which H2 runs once per row.
    assertThat(restorerSql(plan, "SOFT_ORPHANED_COMMENTS_AUTHOR_ID", Dialect.H2))
        .startsWith("SELECT cascade_parent_key FROM (SELECT comments.author_id AS cascade_parent_key, 1 AS cascade_needed");
    assertThat(restorerSql(plan, "SOFT_ORPHANED_COMMENTS_AUTHOR_ID", Dialect.H2))
        .endsWith(
            " AND comments.author_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users AS cascade_parent WHERE"
                + " cascade_parent.id = comments.author_id AND cascade_parent.deleted_at IS NULL) UNION ALL SELECT id, 0"
                + " FROM (" + SOFT_USERS + ") AS cascade_restored) AS cascade_parents GROUP BY cascade_parent_key"
                + " HAVING MIN(cascade_needed) = 1");
  }

  @Test
  void trashRestoreInsertsParentsFirstThenEmptiesTheTrashChildrenFirstThenPointsTheCopiesLeftAtNewKeys() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.USERS);

    assertThat(trashSteps(plan))
        .containsExactly(
            "INSERT INSERT_USERS", "INSERT INSERT_POSTS", "INSERT INSERT_COMMENTS", "INSERT INSERT_REACTIONS",
            "PURGE PURGE_REACTIONS", "PURGE PURGE_COMMENTS", "PURGE PURGE_POSTS", "PURGE PURGE_USERS",
            "FOLLOW FOLLOW_POSTS_USER_ID", "FOLLOW FOLLOW_COMMENTS_AUTHOR_ID")
        .inOrder();
    // Every relation into the root that a copy back re-points, and only the copies that point at a
    // root given a new key (the runtime fills in the keys, and runs it only when it gave some).
    for (Dialect dialect : Dialect.values()) {
      assertThat(restorerSql(plan, "FOLLOW_COMMENTS_AUTHOR_ID", dialect))
          .isEqualTo(
              "UPDATE comments_trash SET author_id = <rekeyed:comments_trash.author_id|comments_trash.trashed_at>"
                  + " WHERE original_table = 'comments' AND NOT (<kept:comments_trash.author_id>)");
    }
  }

  @Test
  void insertsKeepTheRootsGivenNewKeysOutAndRepointForeignKeysToThem() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.USERS);

    assertThat(restorerSql(plan, "INSERT_USERS", Dialect.POSTGRESQL))
        .isEqualTo(
            "INSERT INTO users (id, name, deleted_at)<overriding> SELECT users_trash.id, users_trash.name, users_trash.deleted_at"
                + " FROM users_trash WHERE original_table = 'users' AND deletion_id IN (<markers>)<only-named> AND"
                + " (id, trashed_at) IN (SELECT id, MAX(trashed_at) FROM users_trash WHERE original_table = 'users'"
                + " AND id IN (<ids>) GROUP BY id)</only-named> AND <kept:id>");
    assertThat(restorerSql(plan, "INSERT_POSTS", Dialect.POSTGRESQL))
        .isEqualTo(
            "INSERT INTO posts (id, user_id, title, deleted_at)<overriding> SELECT posts_trash.id, <rekeyed:posts_trash.user_id|posts_trash.trashed_at>,"
                + " posts_trash.title, posts_trash.deleted_at FROM posts_trash WHERE original_table = 'posts' AND"
                + " deletion_id IN (<markers>)<only-named> AND (user_id, deletion_id) IN (" + TRASHED_USERS
                + ")</only-named>");
    assertThat(restorerSql(plan, "INSERT_USERS_WITH_NEW_KEY", Dialect.H2))
        .isEqualTo(
            "INSERT INTO users (name, deleted_at)<overriding> SELECT name, deleted_at FROM users_trash WHERE original_table ="
                + " 'users' AND id = :reusedKey AND deletion_id = :reusedMarker");
  }

  @Test
  void aPolymorphicKeyFollowsARekeyedRootOnlyOnItsOwnRelationsRows() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.POSTS);

    assertThat(restorerSql(plan, "INSERT_REACTIONS", Dialect.POSTGRESQL))
        .startsWith(
            "INSERT INTO reactions (id, subject_type, subject_id, deleted_at)<overriding> SELECT reactions_trash.id,"
                + " reactions_trash.subject_type, CASE WHEN (reactions_trash.subject_type = 'post') THEN"
                + " <rekeyed:reactions_trash.subject_id|reactions_trash.trashed_at> ELSE reactions_trash.subject_id END, reactions_trash.deleted_at"
                + " FROM ");
  }

  /**
   * Without statistics SQLite reads a polymorphic table through an index led by the {@code where}'s
   * column and looks every row's parent up in the keys; {@code CROSS JOIN} makes it read the keys
   * first. A trash table has no such index, so its joins are left to the planner.
   */
  @Test
  void sqliteReadsThePolymorphicRelationsKeysBeforeItsTable() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.POSTS);

    String reached = restorerSql(plan, "SOFT_DELETED_REACTIONS", Dialect.SQLITE);
    assertThat(reached)
        .contains(
            "AS cascade_keys <sqlite>CROSS </sqlite>JOIN reactions ON reactions.subject_id = cascade_keys.id AND"
                + " reactions.deleted_at = cascade_keys.deleted_at AND (reactions.subject_type = 'post')");
    assertThat(reached)
        .contains(
            "AS cascade_keys <sqlite>CROSS </sqlite>JOIN reactions ON reactions.subject_id = cascade_keys.id AND"
                + " reactions.deleted_at = cascade_keys.deleted_at AND (reactions.subject_type = 'comment')");
    // A relation without a where: the planner's choice.
    assertThat(reached).contains(") AS cascade_keys JOIN comments ON comments.post_id = cascade_keys.id");
    assertThat(restorerSql(plan, "INSERT_REACTIONS", Dialect.SQLITE)).doesNotContain("CROSS");
    assertThat(restorerSql(plan, "INSERT_COMMENTS", Dialect.SQLITE)).doesNotContain("CROSS");
  }

  /**
   * The parents a trash restore brings back, counted against those its rows need: joined to their
   * keys where the call names roots, read by {@code deletion_id} alone where it restores whole
   * operations, as the rows needing them are.
   */
  @Test
  void theParentsComingBackFromTheTrashAreJoinedToTheirKeysOnlyWhereTheCallNamesRoots() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.USERS);

    assertThat(restorerSql(plan, "TRASH_ORPHANED_COMMENTS_POST_ID", Dialect.POSTGRESQL))
        .contains(
            " UNION ALL SELECT cascade_given_parent.id, 0, CASE WHEN cascade_given_parent.deleted_at IS NULL THEN 2"
                + " ELSE 1 END, cascade_given_parent.deletion_id FROM posts_trash AS cascade_given_parent<only-named>"
                + " JOIN (" + restorerSql(plan, "TRASHED_POSTS", Dialect.POSTGRESQL) + ") AS cascade_restored ON cascade_given_parent.id = cascade_restored.id AND"
                + " cascade_given_parent.deletion_id = cascade_restored.deletion_id</only-named> WHERE"
                + " cascade_given_parent.original_table = 'posts' AND cascade_given_parent.deletion_id IN (<markers>))"
                + " AS cascade_parents GROUP BY cascade_parent_key");
  }

  /**
   * A table below a tree reached through two relations (a drive's documents, through their folder
   * and through the drive): where the call names roots, each check of it reads the rows through
   * both relations' joins; restoring whole operations, every relation's part would read the same
   * rows by {@code deletion_id}, so only the last is kept.
   */
  @Test
  void aCheckOfATableBelowATreeReachedTwiceReadsItOnceForWholeOperations() {
    ModelSpec drives =
        model("Drive", "drives", id(), deletedAt())
            .withHasMany(hasMany("Drive", "Folder", CASCADE))
            .withHasMany(hasMany("Drive", "Document", CASCADE).withForeignKey("drive_id"));
    ModelSpec documents =
        model("Document", "documents", id(), foreignKey("folder_id", "Folder"), foreignKey("drive_id", "Drive"), deletedAt());
    ModelPlan plan = plan(drives, drives, Models.Drive.FOLDERS, documents);

    String check = restorerSql(plan, "TRASH_ORPHANED_DOCUMENTS_FOLDER_ID", Dialect.POSTGRESQL);
    String needed = "SELECT documents_trash.folder_id AS cascade_parent_key";
    String named = check.replace("<only-named>", "").replace("</only-named>", "");
    assertThat(named.split(needed, -1)).hasLength(3);
    assertThat(named).contains(") AS cascade_keys ON documents_trash.folder_id = cascade_keys.id");
    assertThat(named).contains(") AS cascade_keys ON documents_trash.drive_id = cascade_keys.id");
    assertThat(wholeOperations(check))
        .isEqualTo(
            "SELECT cascade_parent_key FROM (" + needed + ", CASE WHEN documents_trash.deleted_at IS NULL THEN 2"
                + " ELSE 1 END AS cascade_needed, 0 AS cascade_given, CASE WHEN documents_trash.deleted_at IS NULL"
                + " THEN documents_trash.deletion_id END AS cascade_operation FROM documents_trash WHERE"
                + " documents_trash.original_table = 'documents' AND documents_trash.deletion_id IN (<markers>) AND"
                + " documents_trash.folder_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM folders AS cascade_parent"
                + " WHERE cascade_parent.id = documents_trash.folder_id AND (cascade_parent.deleted_at IS NULL OR"
                + " documents_trash.deleted_at IS NOT NULL)) UNION ALL SELECT cascade_given_parent.id, 0, CASE WHEN"
                + " cascade_given_parent.deleted_at IS NULL THEN 2 ELSE 1 END, cascade_given_parent.deletion_id FROM"
                + " folders_trash AS cascade_given_parent WHERE cascade_given_parent.original_table = 'folders' AND"
                + " cascade_given_parent.deletion_id IN (<markers>)) AS cascade_parents GROUP BY cascade_parent_key"
                + " HAVING MAX(cascade_needed) > MAX(cascade_given) AND (MAX(cascade_given) = 0 OR COUNT(DISTINCT"
                + " cascade_operation) > 1)");
  }

  @Test
  void aSetNullForeignKeyComesBackNullWhenItsParentIsGone() {
    ModelSpec projects =
        model("Project", "projects", id())
            .withHasMany(hasMany("Project", "Section", CASCADE))
            .withHasMany(hasMany("Project", "Task", CASCADE));
    ModelSpec sections =
        model("Section", "sections", id(), foreignKey("project_id", "Project"))
            .withHasMany(hasMany("Section", "Task", SET_NULL));
    ModelSpec tasks =
        model("Task", "tasks", id(), foreignKey("project_id", "Project"), foreignKey("section_id", "Section"));

    ModelPlan plan = plan(projects, projects, sections, tasks);

    assertThat(restorerSql(plan, "INSERT_TASKS", Dialect.SQLITE))
        .startsWith(
            "INSERT INTO tasks (id, project_id, section_id)<overriding> SELECT tasks_trash.id, <rekeyed:tasks_trash.project_id|tasks_trash.deleted_at>,"
                + " CASE WHEN tasks_trash.section_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sections AS"
                + " cascade_parent WHERE cascade_parent.id = tasks_trash.section_id) THEN NULL ELSE"
                + " tasks_trash.section_id END FROM tasks_trash WHERE ");
  }

  @Test
  void aRootInTheTrashIsItsLatestCopyForRestoreAndRestoreAllAlike() {
    ModelPlan plan = Models.Forum.plan(Models.Forum.POSTS);
    TrashRestorePlan trash = plan.restore().trash();

    String latest =
        "(id, trashed_at) IN (SELECT id, MAX(trashed_at) FROM posts_trash WHERE original_table = 'posts'";
    // The lookup joins the latest copies, read once: H2 ran the IN form again for every row of a
    // trash table the restore had just changed (trial 23: 7.8 s for the other 1,024 roots of a destroyAll).
    assertThat(restorerSql(plan, trash.lookup(), Dialect.H2))
        .isEqualTo(
            "SELECT posts_trash.id, posts_trash.deletion_id, posts_trash.trashed_at FROM (SELECT id, MAX(trashed_at) AS"
                + " cascade_latest FROM posts_trash WHERE original_table = 'posts' AND id IN (<ids>) GROUP BY id) AS"
                + " cascade_named JOIN posts_trash ON posts_trash.id = cascade_named.id AND posts_trash.trashed_at ="
                + " cascade_named.cascade_latest WHERE posts_trash.original_table = 'posts'");
    assertThat(restorerSql(plan, trash.restorable(), Dialect.H2))
        .isEqualTo(
            "SELECT id, deletion_id, trashed_at FROM posts_trash WHERE original_table = 'posts' AND " + latest
                + " GROUP BY id) AND NOT COALESCE(posts_trash.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                + " users AS cascade_parent WHERE cascade_parent.id = posts_trash.user_id AND"
                + " (cascade_parent.deleted_at IS NULL OR posts_trash.deleted_at IS NOT NULL)), FALSE)");
  }

  @Test
  void aTreeComesBackTopsFirstThenTheRowsBelowParentsFirst() {
    ModelPlan plan = Models.Drive.plan(Models.Drive.FOLDERS);

    assertThat(trashSteps(plan))
        .containsExactly(
            "INSERT INSERT_FOLDERS", "INSERT INSERT_FOLDERS_BELOW", "INSERT INSERT_DOCUMENTS",
            "PURGE PURGE_DOCUMENTS", "PURGE PURGE_FOLDERS_BELOW", "PURGE PURGE_FOLDERS",
            "FOLLOW FOLLOW_FOLDERS_PARENT_ID", "FOLLOW FOLLOW_DOCUMENTS_FOLDER_ID")
        .inOrder();
    assertThat(restorerSql(plan, "INSERT_FOLDERS_BELOW", Dialect.MYSQL))
        .endsWith(
            "AS cascade_keys JOIN folders_trash ON folders_trash.id = cascade_keys.cascade_key AND"
                + " folders_trash.deletion_id = cascade_keys.cascade_mark ORDER BY cascade_keys.cascade_depth");
    assertThat(softSteps(plan))
        .containsExactly("UNMARK UNMARK_DOCUMENTS", "UNMARK UNMARK_FOLDERS_BELOW", "UNMARK UNMARK_FOLDERS")
        .inOrder();
    // Rows below a top came back with their parent; only the tops' own parents are checked.
    assertThat(restorerSql(plan, "SOFT_ORPHANED_FOLDERS_PARENT_ID", Dialect.H2))
        .startsWith(
            "SELECT cascade_parent_key FROM (SELECT folders.parent_id AS cascade_parent_key, 1 AS cascade_needed FROM"
                + " folders WHERE deleted_at IN (<markers>) AND id IN (<ids>) AND folders.parent_id IS NOT NULL");
  }

  /**
   * Where foreign keys are checked row by row (H2, MySQL), the tops of a tree come back in order
   * through a recursive query that starts from the tops below no other top. Reached through two
   * relations, the tops are an {@code OR}, which needs its parentheses there: without them every
   * trashed comment started the recursion (a newcomer's trial: H2 and MariaDB copied rows twice,
   * or before their parent, and the user could not be restored).
   */
  @Test
  void aTreeReachedThroughTwoRelationsComesBackFromTheTopsOfEitherBelowNoOtherTop() {
    ModelPlan plan = Models.Threads.plan(Models.Threads.USERS);

    for (Dialect dialect : List.of(Dialect.H2, Dialect.MYSQL)) {
      String sql = restorerSql(plan, "INSERT_COMMENTS", dialect);
      String start = "AS (SELECT id, deletion_id, 0 FROM comments_trash WHERE ";
      String belowNoOther = " AND NOT COALESCE(parent_id IN (SELECT id FROM comments_trash WHERE original_table";
      assertThat(sql).contains(start);
      assertThat(sql).contains(belowNoOther);
      String tops = sql.substring(sql.indexOf(start) + start.length(), sql.indexOf(belowNoOther));
      assertThat(tops).contains("(post_id, deletion_id) IN (");
      assertThat(tops).contains(" OR original_table = 'comments' AND deletion_id IN (<markers>)<only-named> AND (author_id,");
      assertThat(tops.charAt(0)).isEqualTo('(');
      assertThat(closing(tops, 0)).isEqualTo(tops.length() - 1);
    }
  }

  /**
   * On H2 a soft restore finds a tree's tops below the root with an {@code EXISTS} per row (see
   * {@code Reach.existsThrough}). Where each table up to the root is reached through one relation,
   * it walks up by key, base tables joined; a nested derived table of the parents' keys, which H2
   * prepares again for each way it may read it and runs for every row, took 1.4 s of a 2.9 s
   * restore of a kanban board of 11,500 rows. The named keys are compared with the column that
   * points at the root ({@code board_id}), not with the root's key: beside that key equal to the
   * column, H2 looked every named key up for every row (a newcomer's 200 students: 49 s). Reached
   * through two relations, the tops still look their parent up among its keys.
   */
  @Test
  void onH2ASoftRestoredTreesTopsWalkUpToTheRootByKeyWhereEachStepHasOneRelation() {
    String subtree = restorerSql(Models.Kanban.plan(Models.Kanban.BOARDS), "SOFT_DELETED_COMMENTS_SUBTREE", Dialect.H2);

    String walk =
        "EXISTS (SELECT 1 FROM cards AS cascade_up_0"
            + " JOIN lists AS cascade_up_1 ON cascade_up_1.id = cascade_up_0.list_id AND cascade_up_1.deleted_at = cascade_up_0.deleted_at"
            + " JOIN boards AS cascade_up_2 ON cascade_up_2.id = cascade_up_1.board_id AND cascade_up_2.deleted_at = cascade_up_1.deleted_at"
            + " WHERE cascade_up_0.id = comments.card_id AND cascade_up_0.deleted_at = comments.deleted_at"
            + " AND cascade_up_2.deleted_at IN (<markers>) AND cascade_up_1.board_id IN (<ids>))";
    assertThat(subtree).contains("SELECT id, deleted_at, 0 FROM comments WHERE <h2>comments.deleted_at IN (<markers>) AND " + walk + "</h2>");
    assertThat(subtree).contains("<h2>NOT COALESCE(comments.deleted_at IN (<markers>) AND " + walk + ", FALSE)</h2>");
    assertThat(subtree).doesNotContain("cascade_parent_keys");
    assertThat(subtree.replaceAll("<h2>.*?</h2>", "")).doesNotContain("cascade_up_");

    // Notes below a tree of comments reached through posts and through their author: no single way up.
    String belowTwoRelations = restorerSql(commentsWithNotes(), "SOFT_DELETED_NOTES_SUBTREE", Dialect.H2);
    assertThat(belowTwoRelations)
        .contains("<h2>notes.deleted_at IN (<markers>) AND EXISTS (SELECT 1 FROM (SELECT cascade_key AS id, cascade_mark AS");
    assertThat(belowTwoRelations)
        .contains(") AS cascade_parent_keys WHERE cascade_parent_keys.id = notes.comment_id AND"
            + " cascade_parent_keys.deleted_at = notes.deleted_at)</h2>");
  }

  /**
   * A soft-restored tree's tops came back through their one relation from outside the tree, so
   * only the rows below them can point through it to a parent that stays deleted: the check reads
   * those alone. Reached through two relations, every row of the tree is checked.
   */
  @Test
  void aSoftRestoredTreeReachedThroughOneRelationChecksThatRelationOnlyForTheRowsBelowItsTops() {
    String check = restorerSql(Models.Kanban.plan(Models.Kanban.BOARDS), "SOFT_ORPHANED_COMMENTS_CARD_ID", Dialect.POSTGRESQL);

    assertThat(check)
        .startsWith("SELECT cascade_parent_key FROM (SELECT comments.card_id AS cascade_parent_key, 1 AS cascade_needed FROM"
            + " (SELECT cascade_key AS id, cascade_mark AS deleted_at FROM (WITH RECURSIVE ");
    assertThat(check)
        .contains(" SELECT cascade_key, cascade_mark FROM cascade_comments_deleted WHERE cascade_depth > 0)"
            + " AS cascade_comments_deleted_below) AS cascade_keys JOIN comments ON comments.id = cascade_keys.id");
    assertThat(restorerSql(commentsWithNotes(), "SOFT_ORPHANED_COMMENTS_POST_ID", Dialect.POSTGRESQL))
        .contains(" SELECT cascade_key, cascade_mark FROM cascade_comments_deleted) AS cascade_comments_deleted_keys) AS cascade_keys");
  }

  /**
   * A user's posts' comments and the comments they wrote, a tree (parent_id), soft-deletable, with
   * notes on them in a tree of their own.
   */
  private static ModelPlan commentsWithNotes() {
    ModelSpec users =
        model("User", "users", id(), deletedAt())
            .withHasMany(hasMany("User", "Post", CASCADE))
            .withHasMany(hasMany("User", "Comment", CASCADE).withForeignKey("author_id"));
    ModelSpec posts =
        model("Post", "posts", id(), foreignKey("user_id", "User"), deletedAt()).withHasMany(hasMany("Post", "Comment", CASCADE));
    ModelSpec comments =
        model("Comment", "comments", id(), foreignKey("post_id", "Post"), foreignKey("author_id", "User"),
                foreignKey("parent_id", "Comment"), deletedAt())
            .withHasMany(hasMany("Comment", "Comment", CASCADE).withForeignKey("parent_id"))
            .withHasMany(hasMany("Comment", "Note", CASCADE));
    ModelSpec notes =
        model("Note", "notes", id(), foreignKey("comment_id", "Comment"), foreignKey("parent_id", "Note"), deletedAt())
            .withHasMany(hasMany("Note", "Note", CASCADE).withForeignKey("parent_id"));
    return plan(users, users, posts, comments, notes);
  }

  /** The index of the parenthesis that closes the one at {@code open}. */
  private static int closing(String sql, int open) {
    int depth = 0;
    for (int i = open; i < sql.length(); i++) {
      depth += sql.charAt(i) == '(' ? 1 : sql.charAt(i) == ')' ? -1 : 0;
      if (depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A table below a tree is checked as it is reached, through its relation to the tree's keys,
   * never through its own keys joined back to itself: PostgreSQL, its trash statistics saying
   * "empty" right after a delete, joined such a self-join by the deletion_id index alone
   * (quadratic: 16 s for 43,585 rows). Restoring whole operations, the check reads the trash table
   * by deletion_id alone.
   */
  @Test
  void aParentCheckBelowATreeReadsTheRowsThroughTheirRelationNotThroughTheirOwnKeys() {
    ModelSpec owners = model("Owner", "owners", id()).withHasMany(hasMany("Owner", "Document", RESTRICT));
    ModelSpec documents =
        model("Document", "documents", id(), foreignKey("folder_id", "Folder"), foreignKey("owner_id", "Owner"),
            Models.deletedAt());
    ModelPlan plan = plan(Models.Drive.DRIVES, Models.Drive.DRIVES, Models.Drive.FOLDERS, documents, owners);

    String trashed = restorerSql(plan, "TRASH_ORPHANED_DOCUMENTS_OWNER_ID", Dialect.POSTGRESQL);
    String folders = restorerSql(plan, "TRASHED_FOLDERS", Dialect.POSTGRESQL);
    assertThat(trashed)
        .isEqualTo(
            "SELECT documents_trash.owner_id FROM documents_trash<only-named> JOIN (" + folders + ") AS cascade_keys"
                + " ON documents_trash.folder_id = cascade_keys.id AND documents_trash.deletion_id ="
                + " cascade_keys.deletion_id</only-named> WHERE documents_trash.original_table = 'documents' AND"
                + " documents_trash.deletion_id IN (<markers>) AND documents_trash.owner_id IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM owners AS cascade_parent WHERE cascade_parent.id = documents_trash.owner_id)");
    assertThat(wholeOperations(trashed))
        .isEqualTo(
            "SELECT documents_trash.owner_id FROM documents_trash WHERE documents_trash.original_table = 'documents'"
                + " AND documents_trash.deletion_id IN (<markers>) AND documents_trash.owner_id IS NOT NULL AND NOT"
                + " EXISTS (SELECT 1 FROM owners AS cascade_parent WHERE cascade_parent.id = documents_trash.owner_id)");
    String soft = restorerSql(plan, "SOFT_ORPHANED_DOCUMENTS_OWNER_ID", Dialect.POSTGRESQL);
    assertThat(soft)
        .startsWith(
            "SELECT documents.owner_id FROM (" + restorerSql(plan, "SOFT_DELETED_FOLDERS", Dialect.POSTGRESQL) + ")"
                + " AS cascade_keys JOIN documents ON documents.folder_id = cascade_keys.id AND documents.deleted_at ="
                + " cascade_keys.deleted_at WHERE documents.deleted_at IN (<markers>) AND documents.owner_id IS NOT NULL");
    for (String check : List.of(trashed, soft)) {
      assertThat(check).doesNotContain("ON documents_trash.id =");
      assertThat(check).doesNotContain("ON documents.id =");
    }
  }

  /** The SQL as the runtime runs it restoring whole operations: each {@code <only-named>} part left out. */
  private static String wholeOperations(String sql) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < sql.length(); ) {
      if (sql.startsWith("<only-named>", i)) {
        depth++;
        i += "<only-named>".length();
      } else if (sql.startsWith("</only-named>", i)) {
        depth--;
        i += "</only-named>".length();
      } else {
        if (depth == 0) {
          out.append(sql.charAt(i));
        }
        i++;
      }
    }
    return out.toString();
  }

  @Test
  void onlyKeysTheDatabaseGeneratesAreGivenNewOnes() {
    ColumnSpec uuid = ColumnSpec.of("id", "id", ClassName.get(java.util.UUID.class)).asKey();
    ModelSpec workspaces = model("Workspace", "workspaces", uuid, text("name"));

    ModelPlan plan = plan(workspaces, workspaces);

    assertThat(plan.restore().trash().insertWithNewKey()).isEmpty();
    assertThat(Models.Forum.plan(Models.Forum.USERS).restore().trash().insertWithNewKey()).isPresent();
  }
}
