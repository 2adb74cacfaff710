package dev.cascade.processor.plan;

import com.palantir.javapoet.TypeName;
import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans the statements of one model's restorer: for {@code SOFT} and for {@code TRASH}, the
 * lookups, the checks, and one statement per table that brings back exactly the rows one delete
 * operation removed.
 */
public final class RestorePlanner {
  /** Bind parameters of a root whose id was taken: its old key, and the one the database gave. */
  static final String REUSED_KEY = ":reusedKey";

  static final String NEW_KEY = ":newKey";

  private static final Set<TypeName> GENERATED_KEY_TYPES =
      Set.of(TypeName.LONG, TypeName.INT, TypeName.SHORT, TypeName.LONG.box(), TypeName.INT.box(), TypeName.SHORT.box());

  private final RelationGraph graph;

  public RestorePlanner(RelationGraph graph) {
    this.graph = graph;
  }

  public RestorerPlan plan(ModelSpec root, Dialect dialect) {
    CascadeTree tree = CascadeTree.of(graph, root);
    SqlProgram program = new SqlProgram();
    String table = Reach.constantName(root.table());
    String key = dialect.quote(root.key().orElseThrow().name());
    String columns = DeletePlanner.columnList(root, dialect);

    String selectRecords =
        program.add(
            "SELECT_" + table,
            "Loads restored " + root.table() + ": what a restore returns.",
            SqlText.of("SELECT " + columns + " FROM " + dialect.quote(root.table()) + " WHERE " + key + " IN (" + Reach.IDS + ")"));
    String liveIds =
        program.add(
            "LIVE_" + table + "_IDS",
            "Which requested " + root.table() + " exist and are not deleted.",
            SqlText.of(
                "SELECT " + key + " FROM " + dialect.quote(root.table()) + " WHERE " + key + " IN (" + Reach.IDS + ")"
                    + root.softDeleteColumn().map(d -> " AND " + dialect.quote(d.name()) + " IS NULL").orElse("")));

    Optional<SoftRestorePlan> soft =
        DeletePlanner.softUnsupported(tree).isPresent()
            ? Optional.empty()
            : Optional.of(soft(tree, new RestoreReach(tree, dialect, program, false), program));
    TrashRestorePlan trash = trash(tree, new RestoreReach(tree, dialect, program, true), program);
    return new RestorerPlan(tree, program, selectRecords, liveIds, soft, trash);
  }

  private SoftRestorePlan soft(CascadeTree tree, RestoreReach reach, SqlProgram program) {
    ModelSpec root = tree.root();
    String table = Reach.constantName(root.table());
    String marker = reach.marker(root);
    String deletedIds =
        program.add(
            "SOFT_DELETED_" + table + "_IDS",
            "Which requested " + root.table() + " are soft-deleted.",
            SqlText.of(
                "SELECT " + reach.key(root) + " FROM " + reach.source(root) + " WHERE " + reach.key(root)
                    + " IN (" + Reach.IDS + ") AND " + marker + " IS NOT NULL"));
    String candidates =
        program.add(
            "SOFT_DELETED_" + table + "_RESTORABLE",
            "Every soft-deleted " + root.table() + " row whose parents are not deleted, for restoreAll.",
            candidates(root, reach, Condition.of(marker + " IS NOT NULL"), false));
    List<PlannedStep> unmarks = new ArrayList<>();
    for (ModelSpec model : tree.childrenFirst()) {
      String constant =
          program.add(
              "UNMARK_" + Reach.constantName(model.table()),
              tree.isRoot(model)
                  ? "Restores the " + model.table() + " themselves."
                  : "Restores the " + model.table() + " their soft delete reached.",
              SqlText.builder()
                  .text("UPDATE " + reach.source(model) + " SET " + reach.marker(model) + " = NULL WHERE ")
                  .append(reach.reach(model).sql())
                  .build());
      unmarks.add(new PlannedStep(StepKind.UNMARK, model.table(), null, constant, tree.isRoot(model)));
    }
    return new SoftRestorePlan(deletedIds, candidates, parentChecks(tree, reach, program, "SOFT_"), unmarks);
  }

  private TrashRestorePlan trash(CascadeTree tree, RestoreReach reach, SqlProgram program) {
    ModelSpec root = tree.root();
    String table = Reach.constantName(root.table());
    String own = "original_table = '" + root.table() + "'";
    String trashedIds =
        program.add(
            "TRASHED_" + table + "_IDS",
            "Which requested " + root.table() + " are in " + root.trashTable() + ".",
            SqlText.of(
                "SELECT DISTINCT " + reach.key(root) + " FROM " + reach.source(root) + " WHERE " + own + " AND "
                    + reach.key(root) + " IN (" + Reach.IDS + ")"));
    String candidates =
        program.add(
            "TRASHED_" + table + "_RESTORABLE",
            "Every " + root.table() + " id in the trash whose parents are not deleted, for restoreAll.",
            candidates(root, reach, Condition.of(own), true));
    String trashedRecords =
        program.add(
            "SELECT_TRASHED_" + table,
            "Loads the trashed " + root.table() + " about to be restored, for event listeners.",
            SqlText.builder()
                .text("SELECT " + DeletePlanner.columnList(root, reach::quote) + " FROM " + reach.source(root) + " WHERE ")
                .append(reach.reach(root).sql())
                .build());
    String trashInfo =
        program.add(
            "TRASH_INFO_" + table,
            "Which delete put each requested " + root.table() + " row in the trash, and when.",
            SqlText.builder()
                .text(
                    "SELECT " + reach.key(root) + ", deletion_id, " + reach.quote(root.trashTimeColumn()) + " FROM "
                        + reach.source(root) + " WHERE ")
                .append(reach.reach(root).sql())
                .build());

    String rootConflicts = null;
    List<RestoreCheck> conflicts = new ArrayList<>();
    List<ModelSpec> parentsFirst = parentsFirst(tree);
    for (ModelSpec model : parentsFirst) {
      if (model.key().isEmpty()) {
        continue;
      }
      String key = reach.key(model);
      boolean subtreeOfRoot = tree.isRoot(model) && tree.selfCascade(model).isPresent();
      SqlText taken =
          SqlText.builder()
              .text("SELECT " + key + " FROM " + reach.quote(model.table()) + " WHERE " + key + " IN (")
              .append(reach.keys(model))
              .text(")")
              .build();
      String constant =
          program.add(
              "TAKEN_" + Reach.constantName(model.table()) + "_IDS",
              subtreeOfRoot
                  ? "Ids of the requested trashed " + model.table() + " that another row has taken since."
                  : "Ids of trashed " + model.table() + " that another row has taken since.",
              subtreeOfRoot
                  ? SqlText.builder().append(taken).text(" AND " + key + " IN (" + Reach.IDS + ")").build()
                  : taken);
      if (tree.isRoot(model)) {
        rootConflicts = constant;
      } else {
        conflicts.add(new RestoreCheck(model.table(), model.key().get().name(), null, constant));
      }
      if (subtreeOfRoot) {
        conflicts.add(
            new RestoreCheck(
                model.table(),
                model.key().get().name(),
                null,
                program.add(
                    "TAKEN_" + Reach.constantName(model.table()) + "_BELOW_IDS",
                    "Ids of trashed " + model.table() + " below the requested ones that another row has taken since.",
                    SqlText.builder().append(taken).text(" AND " + key + " NOT IN (" + Reach.IDS + ")").build())));
      }
    }

    Optional<String> insertWithNewKey = Optional.empty();
    ColumnSpec rootKey = root.key().orElseThrow();
    if (GENERATED_KEY_TYPES.contains(rootKey.type())) {
      List<ColumnSpec> rest = root.columns().stream().filter(c -> !c.key()).toList();
      String list = rest.stream().map(c -> reach.quote(c.name())).collect(Collectors.joining(", "));
      insertWithNewKey =
          Optional.of(
              program.add(
                  "INSERT_" + table + "_WITH_NEW_KEY",
                  "Restores one trashed " + root.table() + " row whose id was taken, under a key the database generates.",
                  SqlText.builder()
                      .text(
                          "INSERT INTO " + reach.quote(root.table()) + " (" + list + ") SELECT " + list + " FROM "
                              + reach.source(root) + " WHERE " + reach.key(root) + " = " + REUSED_KEY + " AND ")
                      .append(reach.reach(root).sql())
                      .build()));
    }

    List<PlannedStep> inserts = new ArrayList<>();
    for (ModelSpec model : parentsFirst) {
      SqlText.Builder sql =
          SqlText.builder()
              .text(
                  "INSERT INTO " + reach.quote(model.table()) + " (" + DeletePlanner.columnList(model, reach::quote)
                      + ") SELECT " + insertExpressions(tree, reach, model) + " FROM " + reach.source(model))
              .append(reach.parentsFirstJoin(model))
              .text(" WHERE ")
              .append(reach.reach(model).sql());
      if (tree.isRoot(model)) {
        // A root whose id was taken comes back under a new key, on its own, just before.
        sql.text(" AND NOT COALESCE(" + reach.key(model) + " = " + REUSED_KEY + ", FALSE)");
      }
      sql.text(reach.parentsFirstOrder(model));
      String constant =
          program.add(
              "INSERT_" + Reach.constantName(model.table()),
              tree.isRoot(model)
                  ? "Copies the " + model.table() + " themselves back from " + model.trashTable() + "."
                  : "Copies the " + model.table() + " trashed with them back from " + model.trashTable() + ".",
              sql.build());
      inserts.add(new PlannedStep(StepKind.INSERT, model.table(), null, constant, tree.isRoot(model)));
    }
    List<PlannedStep> purges = new ArrayList<>();
    for (ModelSpec model : tree.childrenFirst()) {
      String constant =
          program.add(
              "PURGE_" + Reach.constantName(model.table()),
              "Removes the restored " + model.table() + " from " + model.trashTable() + ".",
              SqlText.builder().text("DELETE FROM " + reach.source(model) + " WHERE ").append(reach.reach(model).sql()).build());
      purges.add(new PlannedStep(StepKind.PURGE, model.table(), null, constant, tree.isRoot(model)));
    }
    return new TrashRestorePlan(
        trashedIds,
        candidates,
        trashedRecords,
        trashInfo,
        parentChecks(tree, reach, program, "TRASH_"),
        rootConflicts,
        conflicts,
        insertWithNewKey,
        inserts,
        purges);
  }

  /**
   * For each table and each relation into it (but {@code SET_NULL}, which restore unlinks), the
   * restored rows whose parent is still deleted: neither live nor coming back
   * in this restore. Any such row fails the restore.
   */
  private List<RestoreCheck> parentChecks(
      CascadeTree tree, RestoreReach reach, SqlProgram program, String prefix) {
    List<RestoreCheck> checks = new ArrayList<>();
    for (ModelSpec model : parentsFirst(tree)) {
      List<Edge> edges = relationsThatMustHoldOn(model);
      boolean repeatedColumn =
          edges.stream().map(e -> e.foreignKey().name()).distinct().count() < edges.size();
      for (Edge edge : edges) {
        String column = reach.quote(edge.foreignKey().name());
        Condition orphan = orphanOf(edge, reach, tree.contains(edge.parent()));
        String name =
            prefix + "ORPHANED_" + Reach.constantName(model.table()) + "_"
                + (repeatedColumn ? Reach.constantName(edge.parent().table()) + "_" : "")
                + Reach.constantName(edge.foreignKey().name());
        String constant =
            program.add(
                name,
                "Restored " + model.table() + " whose parent is still deleted (" + edge.describe() + ").",
                SqlText.builder()
                    .text("SELECT " + column + " FROM " + reach.source(model) + " WHERE ")
                    .append(reach.reach(model).and(orphan).sql())
                    .build());
        checks.add(new RestoreCheck(model.table(), edge.foreignKey().name(), edge.parent().table(), constant));
      }
    }
    return checks;
  }

  /**
   * Rows whose foreign key points to a parent that is not live (gone, or soft-deleted) and, when
   * the parent's table is in the cascade, not being restored with them either.
   */
  private static Condition orphanOf(Edge edge, RestoreReach reach, boolean parentRestoredToo) {
    String column = reach.quote(edge.foreignKey().name());
    Condition orphan =
        Condition.of(
            SqlText.builder()
                .text(column + " IS NOT NULL")
                .text(edge.where().map(w -> " AND (" + w + ")").orElse(""))
                .text(" AND " + column + " NOT IN (" + live(edge.parent(), reach) + ")")
                .build());
    if (parentRestoredToo) {
      orphan =
          orphan.and(
              Condition.of(
                  SqlText.builder().text(column + " NOT IN (").append(reach.keys(edge.parent())).text(")").build()));
    }
    return orphan;
  }

  /** {@code SELECT id FROM posts WHERE deleted_at IS NULL}: the parent rows that are live. */
  private static String live(ModelSpec parent, RestoreReach reach) {
    return "SELECT "
        + reach.key(parent)
        + " FROM "
        + reach.quote(parent.table())
        + parent.softDeleteColumn().map(d -> " WHERE " + reach.quote(d.name()) + " IS NULL").orElse("");
  }

  private List<Edge> relationsThatMustHoldOn(ModelSpec model) {
    return graph.edgesInto(model).stream()
        .filter(e -> e.onDelete() != OnDelete.SET_NULL)
        .sorted(
            java.util.Comparator.comparing((Edge e) -> e.parent().table())
                .thenComparing(e -> e.foreignKey().name()))
        .toList();
  }

  /**
   * {@code SELECT id FROM users WHERE deleted_at IS NOT NULL AND NOT COALESCE(org_id IS NOT NULL
   * AND org_id NOT IN (...), FALSE)}: deleted roots whose parents are live.
   */
  private SqlText candidates(ModelSpec root, RestoreReach reach, Condition own, boolean distinct) {
    Condition condition = own;
    for (Edge edge : relationsThatMustHoldOn(root)) {
      condition = condition.and(orphanOf(edge, reach, false).negated());
    }
    return SqlText.builder()
        .text("SELECT " + (distinct ? "DISTINCT " : "") + reach.key(root) + " FROM " + reach.source(root) + " WHERE ")
        .append(condition.sql())
        .build();
  }

  /**
   * The columns copied back from the trash. A foreign key to the root is re-pointed when the root
   * got a new key; a {@code SET_NULL} foreign key whose parent is gone comes back null, as it
   * would have been had the row stayed.
   */
  private String insertExpressions(CascadeTree tree, RestoreReach reach, ModelSpec model) {
    List<String> expressions = new ArrayList<>();
    for (ColumnSpec column : model.columns()) {
      String quoted = reach.quote(column.name());
      String expression = quoted;
      for (Edge edge : graph.edgesInto(model)) {
        if (!edge.foreignKey().equals(column) || (edge.isSelf() && edge.onDelete() != OnDelete.CASCADE)) {
          continue;
        }
        String where = edge.where().map(w -> " AND (" + w + ")").orElse("");
        if (tree.isRoot(edge.parent()) && (!tree.isRoot(model) || edge.isSelf())) {
          expression =
              "CASE WHEN " + quoted + " = " + REUSED_KEY + where + " THEN " + NEW_KEY + " ELSE " + expression + " END";
        }
        if (edge.onDelete() == OnDelete.SET_NULL) {
          expression =
              "CASE WHEN " + quoted + " IS NOT NULL" + where + " AND " + quoted + " NOT IN (SELECT "
                  + reach.key(edge.parent()) + " FROM " + reach.quote(edge.parent().table()) + ") THEN NULL ELSE "
                  + expression + " END";
        }
      }
      expressions.add(expression);
    }
    return String.join(", ", expressions);
  }

  private static List<ModelSpec> parentsFirst(CascadeTree tree) {
    List<ModelSpec> order = new ArrayList<>(tree.childrenFirst());
    java.util.Collections.reverse(order);
    return order;
  }
}
