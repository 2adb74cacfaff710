package dev.cascade.processor.plan;

import com.palantir.javapoet.TypeName;
import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans a restorer: for {@code SOFT} and {@code TRASH}, the lookups, the checks, and the
 * statements that bring back exactly the rows the restored operations removed (one statement per
 * relation or table, never per row), in the order they run.
 */
final class RestorePlanner {
  private static final Set<TypeName> GENERATED_KEY_TYPES =
      Set.of(TypeName.LONG, TypeName.INT, TypeName.SHORT, TypeName.LONG.box(), TypeName.INT.box(), TypeName.SHORT.box());

  private final RelationGraph graph;
  private final CascadeTree tree;
  private final Program program;
  private final Quoting quoting;

  RestorePlanner(RelationGraph graph, CascadeTree tree, Program program, Quoting quoting) {
    this.graph = graph;
    this.tree = tree;
    this.program = program;
    this.quoting = quoting;
  }

  RestorePlan plan() {
    ModelSpec root = tree.root();
    String table = Naming.constant(root.table());
    String key = quoting.name(root.key().orElseThrow().name());
    String from = quoting.name(root.table());
    String selectRecords =
        program.add(
            "SELECT_" + table,
            "Loads the " + root.table() + " by key: as they are before a soft restore, for listeners, and what a"
                + " restore returns.",
            SqlText.of(
                "SELECT " + DeletePlanner.columnList(root, c -> quoting.name(c.name())) + " FROM " + from + " WHERE "
                    + key + " IN (" + Protocol.IDS + ")"));
    Optional<SoftRestorePlan> soft =
        DeletePlanner.softUnsupported(tree).isPresent()
            ? Optional.empty()
            : Optional.of(soft(new Reach(tree, Source.SOFT_DELETED, program, quoting)));
    TrashRestorePlan trash = trash(new Reach(tree, Source.TRASHED, program, quoting));
    String liveIds =
        program.add(
            "LIVE_" + table + "_IDS",
            "Which requested " + root.table() + " exist and are not deleted, to say why a restore found nothing.",
            SqlText.of(
                "SELECT " + key + " FROM " + from + " WHERE " + key + " IN (" + Protocol.IDS + ")"
                    + root.softDeleteColumn().map(d -> " AND " + quoting.name(d.name()) + " IS NULL").orElse("")));
    return new RestorePlan(selectRecords, liveIds, soft, trash);
  }

  private SoftRestorePlan soft(Reach reach) {
    ModelSpec root = tree.root();
    String table = Naming.constant(root.table());
    String marker = reach.marker(root).orElseThrow();
    String select = "SELECT " + reach.key(root) + ", " + marker + " FROM " + reach.from(root) + " WHERE ";
    String lookup =
        program.add(
            "SOFT_DELETED_" + table + "_LOOKUP",
            "Which requested " + root.table() + " are soft-deleted, with the marker of the delete to undo.",
            SqlText.of(select + reach.key(root) + " IN (" + Protocol.IDS + ") AND " + marker + " IS NOT NULL"));
    String restorable =
        program.add(
            "SOFT_DELETED_" + table + "_RESTORABLE",
            "Every soft-deleted " + root.table() + " whose parents are live, with its marker, for restoreAll.",
            SqlText.builder()
                .text(select)
                .append(parentsLive(reach, root, Condition.of(marker + " IS NOT NULL")).sql())
                .build());
    Checks checks = parentChecks(reach, "SOFT_");
    List<RestoreStep> steps = new ArrayList<>();
    for (ModelSpec model : tree.childrenFirst()) {
      String name = Naming.constant(model.table());
      String clear = reach.marker(model).orElseThrow() + " = NULL";
      if (tree.selfCascade(model).isPresent()) {
        steps.add(
            step(RestoreStep.Kind.UNMARK, model, "UNMARK_" + name + "_BELOW",
                "Restores the " + model.table() + " below the tops that the same operation soft-deleted, whole subtrees.",
                Shapes.update(reach, reach.below(model), clear), false));
      }
      for (Link link : perTable(reach, model)) {
        steps.add(
            step(RestoreStep.Kind.UNMARK, model, "UNMARK_" + name + bySuffix(link, model),
                "Restores " + link.what() + " that the same operation soft-deleted.",
                Shapes.update(reach, link, clear), tree.isRoot(model)));
      }
    }
    return new SoftRestorePlan(lookup, restorable, checks, steps, counts(reach), trashedChecks(reach));
  }

  /**
   * For each table with a soft-delete column and each relation into it that must hold to a parent
   * with one, the trash copies this restore's operations soft-deleted whose parent the same trash
   * holds soft-deleted by another operation. The restore takes those copies' marker off, so that
   * undoing the trash brings them back live (README, "Restore"), and that restore brings back the
   * parent as the trash holds it: soft-deleted, a live row under it. Found by the concurrency run:
   * a comment soft-deleted with its post's author, trashed since with its own author, soft-deleted
   * then; the first author's restore left it live in the trash, and the second's trash restore
   * brought it back live under its soft-deleted author. A parent deleted anywhere else stops that
   * trash restore itself, which checks the parents of the rows it brings back live.
   */
  private List<TrashedCheck> trashedChecks(Reach reach) {
    List<TrashedCheck> checks = new ArrayList<>();
    for (ModelSpec model : parentsFirst()) {
      if (model.softDeleteColumn().isEmpty()) {
        continue;
      }
      List<Edge> edges = relationsThatMustHold(model);
      String t = quoting.name(model.trashTable());
      for (Edge edge : edges) {
        ModelSpec parent = edge.parent();
        if (parent.softDeleteColumn().isEmpty()) {
          continue;
        }
        String column = t + "." + quoting.name(edge.foreignKey().name());
        String copy = "cascade_parent_copy.";
        String parentDeletedAt = copy + quoting.name(parent.softDeleteColumn().get().name());
        String deletionId = quoting.name(Protocol.DELETION_ID);
        String originalTable = quoting.name(Protocol.ORIGINAL_TABLE);
        SqlText sql =
            SqlText.builder()
                .text("SELECT " + column + " FROM " + t + " WHERE " + t + "." + originalTable + " = '" + model.table()
                    + "' AND " + t + "." + quoting.name(model.softDeleteColumn().get().name()) + " IN (" + Protocol.MARKERS
                    + ")")
                .text(reach.where(edge, Optional.of(t)).map(w -> " AND " + w.sql().literal()).orElse(""))
                .text(" AND EXISTS (SELECT 1 FROM " + quoting.name(parent.trashTable()) + " AS cascade_parent_copy WHERE "
                    + copy + quoting.name(parent.key().orElseThrow().name()) + " = " + column + " AND " + copy
                    + originalTable + " = '" + parent.table() + "' AND " + copy + deletionId + " = " + t + "." + deletionId
                    + " AND " + parentDeletedAt + " IS NOT NULL AND " + parentDeletedAt + " NOT IN (" + Protocol.MARKERS + "))")
                .build();
        String constant =
            program.add(
                checkName("SOFT_TRASHED_", model, edges, edge),
                "Rows of " + model.table() + " in the trash that these operations soft-deleted, whose parent ("
                    + edge.describe() + ") the same trash holds soft-deleted by another operation.",
                sql);
        checks.add(new TrashedCheck(model.table(), edge.foreignKey().name(), parent.table(), parent.trashTable(), constant));
      }
    }
    return checks;
  }

  private TrashRestorePlan trash(Reach reach) {
    ModelSpec root = tree.root();
    String table = Naming.constant(root.table());
    TrashTable rootTrash = TrashTable.of(root);
    String key = reach.key(root);
    String time = reach.name(rootTrash.timeColumn());
    String own = Protocol.ORIGINAL_TABLE + " = '" + root.table() + "'";
    String select = "SELECT " + key + ", " + Protocol.DELETION_ID + ", " + time + " FROM " + reach.from(root) + " WHERE ";
    String latest =
        " AND (" + key + ", " + time + ") IN (SELECT " + key + ", MAX(" + time + ") FROM " + reach.from(root)
            + " WHERE " + own;
    String trashTable = reach.from(root);
    String lookup =
        program.add(
            "TRASHED_" + table + "_LOOKUP",
            "Which requested " + root.table() + " are in " + rootTrash.name() + ", each with the delete that put it"
                + " there last.",
            SqlText.of("SELECT " + trashTable + "." + key + ", " + trashTable + "." + Protocol.DELETION_ID + ", " + trashTable + "."
                + time + " FROM " + reach.latestNamedCopies(root) + " WHERE " + trashTable + "." + own));
    String restorable =
        program.add(
            "TRASHED_" + table + "_RESTORABLE",
            "Every " + root.table() + " in " + rootTrash.name() + " whose latest delete restores under live parents,"
                + " for restoreAll.",
            SqlText.builder()
                .text(select)
                .append(
                    parentsLive(reach, root, Condition.of(own + latest + " GROUP BY " + key + ")")).sql())
                .build());
    String scope = program.add(
        "TRASHED_" + table + "_SCOPE",
        "How many copies in " + rootTrash.name() + " the restored operations put there that the call names or that"
            + " are the tops of their operations: when that is every " + root.table() + " found, the call restores"
            + " whole operations and leaves out what only picks the named ones.",
        scope(reach, root));
    Optional<String> nested =
        reach.namedBelowTheirOperation(root)
            .map(condition -> program.add(
                "TRASHED_" + table + "_NESTED",
                "How many of the " + root.table() + " the call names hang below another row their operation trashed:"
                    + " restoring whole operations, these come back below it with the rows between them, not as roots.",
                SqlText.builder().text("SELECT COUNT(*) FROM " + reach.from(root) + " WHERE ").append(condition.sql()).build()));
    String records =
        program.add(
            "SELECT_TRASHED_" + table,
            "Loads the trashed " + root.table() + " about to be restored, for listeners.",
            SqlText.builder()
                .text("SELECT " + DeletePlanner.columnList(root, reach, Optional.empty()) + " FROM " + reach.from(root) + " WHERE ")
                .append(reach.namedRoots(root).sql())
                .build());
    Checks checks = parentChecks(reach, "TRASH_");
    String takenRoots =
        program.add(
            "TAKEN_" + table + "_IDS",
            "Keys of the requested " + root.table() + " that another row has taken since they were trashed.",
            SqlText.builder()
                .text("SELECT " + key + " FROM " + quoting.name(root.table()) + " WHERE " + key + " IN (SELECT " + key
                    + " FROM " + reach.from(root) + " WHERE ")
                .append(reach.roots(root).sql())
                .text(")")
                .build());
    Checks taken = taken(reach);
    Optional<String> insertWithNewKey = insertWithNewKey(reach);

    List<RestoreStep> steps = new ArrayList<>();
    for (ModelSpec model : parentsFirst()) {
      steps.addAll(inserts(reach, model));
    }
    steps.addAll(relinks(reach));
    for (ModelSpec model : tree.childrenFirst()) {
      String name = Naming.constant(model.table());
      String trashName = TrashTable.of(model).name();
      if (tree.selfCascade(model).isPresent()) {
        steps.add(
            step(RestoreStep.Kind.PURGE, model, "PURGE_" + name + "_BELOW",
                "Removes the restored " + model.table() + " below the tops from " + trashName + ".",
                Shapes.delete(reach, reach.below(model)), false));
      }
      for (Link link : perTable(reach, model)) {
        steps.add(
            step(RestoreStep.Kind.PURGE, model, "PURGE_" + name + bySuffix(link, model),
                "Removes the restored " + link.what().substring("the ".length()) + " from " + trashName + ".",
                Shapes.delete(reach, link), tree.isRoot(model)));
      }
    }
    steps.addAll(follows(reach));
    return new TrashRestorePlan(
        lookup, restorable, scope, nested, records, checks, takenRoots, taken, insertWithNewKey, steps, counts(reach));
  }

  /**
   * For each relation into the root that a copy back re-points ({@link #followsRoot}): the copies
   * other operations left in that trash table, trashed while they pointed at a root this restore
   * gave a new key, pointed at the new key, so that they come back under it, not under the row
   * that took the old one (Alice's comment on Bob's post, trashed with Bob, after Alice came back
   * under a new key). The runtime runs them only when it gave one.
   */
  private List<RestoreStep> follows(Reach reach) {
    List<RestoreStep> steps = new ArrayList<>();
    for (ModelSpec model : parentsFirst()) {
      String t = reach.from(model);
      for (Edge edge : graph.edgesInto(model)) {
        if (!followsRoot(model, edge)) {
          continue;
        }
        String column = reach.name(edge.foreignKey().name());
        String where = reach.where(edge, Optional.of(t)).map(w -> " AND " + w.sql().literal()).orElse("");
        steps.add(step(
            RestoreStep.Kind.FOLLOW, model,
            "FOLLOW_" + Naming.constant(model.table()) + "_" + Naming.constant(edge.foreignKey().name()),
            "Points the " + model.table() + " other operations left in " + TrashTable.of(model).name() + " at the "
                + tree.root().table() + " this restore gave new keys, where they pointed at them when trashed ("
                + edge.describe() + "); only when it gave some.",
            new StatementText(SqlText.of(
                "UPDATE " + t + " SET " + column + " = " + rekeyed(reach, model, t + "." + column) + " WHERE "
                    + Protocol.ORIGINAL_TABLE + " = '" + model.table() + "' AND NOT (" + Protocol.KEPT + t + "." + column
                    + Protocol.CLOSE + ")" + where), Map.of()),
            false));
      }
    }
    return steps;
  }

  /**
   * Whether a copy coming back re-points its foreign key through the edge at a root given a new
   * key: a relation into the root table from another table, or a tree's own relation in it.
   */
  private boolean followsRoot(ModelSpec model, Edge edge) {
    return !(edge.isSelf() && edge.onDelete() != OnDelete.CASCADE)
        && tree.isRoot(edge.parent())
        && (!tree.isRoot(model) || edge.isSelf());
  }

  /** For a preview, parents first: the rows of each table the restore brings back, as it finds them. */
  private List<Count> counts(Reach reach) {
    return parentsFirst().stream().map(model -> new Count(model.table(), false, reach.rowsConstant(model))).toList();
  }

  /**
   * {@code SELECT COUNT(*) FROM users_trash WHERE original_table = 'users' AND deletion_id IN
   * (<markers>)}: every copy of the root table an operation trashed is one of its roots, but in a
   * tree, whose rows below its tops are copies of the root table too: there, the copies the call
   * names and those whose parent the same operation did not trash.
   */
  private SqlText scope(Reach reach, ModelSpec root) {
    String t = reach.from(root);
    String own = Protocol.ORIGINAL_TABLE + " = '" + root.table() + "' AND " + Protocol.DELETION_ID + " IN ("
        + Protocol.MARKERS + ")";
    String count = "SELECT COUNT(*) FROM " + t + " WHERE " + own;
    Optional<Edge> self = tree.selfCascade(root);
    if (self.isEmpty()) {
      return SqlText.of(count);
    }
    String key = reach.key(root);
    String parent = reach.name(self.get().foreignKey().name());
    return SqlText.of(
        count + " AND (" + key + " IN (" + Protocol.IDS + ") OR " + parent + " IS NULL OR (" + parent + ", "
            + Protocol.DELETION_ID + ") NOT IN (SELECT " + key + ", " + Protocol.DELETION_ID + " FROM " + t + " WHERE "
            + own + "))");
  }

  /**
   * Copies a table's rows back from its trash table: the roots (but those given new keys), a
   * tree's tops and then the rows below them parents first, or the rows reached through parents.
   */
  private List<RestoreStep> inserts(Reach reach, ModelSpec model) {
    String name = Naming.constant(model.table());
    String t = reach.from(model);
    String trashName = TrashTable.of(model).name();
    List<RestoreStep> steps = new ArrayList<>();
    boolean isTree = tree.selfCascade(model).isPresent();
    boolean root = tree.isRoot(model);
    Condition rows = isTree ? reach.tops(model) : reach.rows(model);
    boolean byJoin = !isTree && !root && model.key().isPresent() && needsJoin(reach, model);
    Condition where = root ? rows.and(Condition.of(Protocol.KEPT + reach.key(model) + Protocol.CLOSE)) : rows;
    Map<Dialect, SqlText> variants = new LinkedHashMap<>();
    SqlText insert = copyBack(reach, model, false, where);
    if (isTree) {
      variants.put(Dialect.H2, topsInOrder(reach, model, true));
      variants.put(Dialect.MYSQL, topsInOrder(reach, model, false));
    } else if (byJoin) {
      // H2 runs an IN over a recursive query, or a row value's IN, once per row: it gets the join.
      variants.put(
          Dialect.H2,
          SqlText.builder()
              .append(insertSelect(reach, model, true))
              .text(" FROM (")
              .append(reach.keys(model))
              .text(") AS " + Join.ALIAS + " JOIN " + t + " ON " + t + "." + reach.key(model) + " = " + Join.ALIAS + "."
                  + reach.key(model) + " AND " + t + "." + Protocol.DELETION_ID + " = " + Join.ALIAS + "."
                  + Protocol.DELETION_ID)
              .build());
    } else if (!selfUnlinks(model).isEmpty()) {
      variants.put(Dialect.H2, copyBack(reach, model, true, where));
    }
    steps.add(
        step(RestoreStep.Kind.INSERT, model, "INSERT_" + name,
            "Copies " + (root ? "the " + model.table() + " themselves" : "the " + model.table() + " trashed with them")
                + (isTree ? ", the tops of their subtrees," : "") + " back from " + trashName + "."
                + (isTree ? " Where foreign keys are checked row by row, a top inside another comes after it." : "")
                + linkedLaterOnH2(model),
            new StatementText(insert, Map.copyOf(variants)), root));
    if (isTree) {
      StatementText below = new StatementText(below(reach, model, false), Map.of());
      if (!selfUnlinks(model).isEmpty()) {
        below = new StatementText(below.sql(), Map.of(Dialect.H2, below(reach, model, true)));
      }
      steps.add(
          step(RestoreStep.Kind.INSERT, model, "INSERT_" + name + "_BELOW",
              "Copies the " + model.table() + " below the tops back from " + trashName + ", parents first."
                  + linkedLaterOnH2(model),
              below, false));
    }
    return steps;
  }

  /** {@code INSERT INTO posts (...) SELECT ... FROM posts_trash WHERE ...}: the trash's rows that match {@code where}. */
  private SqlText copyBack(Reach reach, ModelSpec model, boolean linkedLater, Condition where) {
    return SqlText.builder()
        .append(insertSelect(reach, model, linkedLater))
        .text(" FROM " + reach.from(model) + " WHERE ")
        .append(where.sql())
        .build();
  }

  /**
   * The rows of a tree below its tops, copied back parents first: by their depth in the trash's
   * recursive query.
   */
  private SqlText below(Reach reach, ModelSpec model, boolean linkedLater) {
    String t = reach.from(model);
    String cte = reach.cte(model);
    return SqlText.builder()
        .append(insertSelect(reach, model, linkedLater))
        .text(" FROM (")
        .ref(reach.subtree(model))
        .text(" SELECT " + Protocol.TREE_KEY + ", " + Protocol.TREE_MARK + ", " + Protocol.TREE_DEPTH + " FROM " + cte
            + " WHERE " + Protocol.TREE_DEPTH + " > 0) AS " + Join.ALIAS + " JOIN " + t + " ON " + t + "."
            + reach.key(model) + " = " + Join.ALIAS + "." + Protocol.TREE_KEY + " AND " + t + "." + Protocol.DELETION_ID
            + " = " + Join.ALIAS + "." + Protocol.TREE_MARK + " ORDER BY " + Join.ALIAS + "." + Protocol.TREE_DEPTH)
        .build();
  }

  /** What an insert's comment adds for a table linked to itself by {@code SET_NULL}: how H2 writes those links. */
  private String linkedLaterOnH2(ModelSpec model) {
    return selfUnlinks(model).isEmpty()
        ? ""
        : " On H2 the links to its own table (" + Naming.describe(selfUnlinks(model)) + ") come back null here, and the"
            + " relink sets them.";
  }

  /** The table's {@code SET_NULL} relations to itself (a fork's link to its original). */
  private List<Edge> selfUnlinks(ModelSpec model) {
    return graph.edgesInto(model).stream().filter(e -> e.isSelf() && e.onDelete() == OnDelete.SET_NULL).toList();
  }

  /**
   * The statements that change a table's restored rows: one through the table's keys where it is
   * reached twice or below a tree, else through its one relation (or as the roots), which can use
   * the foreign key's index; a tree's tops through their relations, and keyless tables per relation.
   */
  private List<Link> perTable(Reach reach, ModelSpec model) {
    boolean isTree = tree.selfCascade(model).isPresent();
    if (!isTree && !tree.isRoot(model) && model.key().isPresent() && needsJoin(reach, model)) {
      return List.of(reach.everyRow(model));
    }
    return reach.links(model);
  }

  private String bySuffix(Link link, ModelSpec model) {
    List<Edge> edges = tree.cascadeInto(model);
    return link.edge().map(e -> Naming.bySuffix(e, edges)).orElse("");
  }

  /**
   * {@code INSERT INTO posts (id, user_id, title)<overriding> SELECT }: the start of a statement
   * that copies rows back into the table, keys included; the runtime writes {@code OVERRIDING
   * SYSTEM VALUE} for {@link Protocol#OVERRIDING} where the database needs it for a key {@code
   * GENERATED ALWAYS}.
   */
  private String insertInto(ModelSpec model, String columns) {
    return "INSERT INTO " + quoting.name(model.table()) + " (" + columns + ")" + Protocol.OVERRIDING + " SELECT ";
  }

  /**
   * {@code INSERT INTO posts (id, user_id, title) SELECT posts_trash.id, ..., posts_trash.title}:
   * a copy back's statement up to its {@code FROM}, the links of a table to itself by {@code
   * SET_NULL} written null where {@code linkedLater} (see {@link #relinks}).
   */
  private SqlText insertSelect(Reach reach, ModelSpec model, boolean linkedLater) {
    return SqlText.builder()
        .text(insertInto(model, DeletePlanner.columnList(model, reach, Optional.empty())))
        .append(expressions(reach, model, linkedLater))
        .build();
  }

  /**
   * A tree's tops, each after any top it hangs below (a drive's folders are all tops, nested in
   * each other): for databases that check foreign keys row by row. Tops in a loop of tops do not
   * come back here, and the restore then fails, changing nothing. A top follows its parent by key
   * alone, whatever operation put each in the trash: a restore of two operations brings back a
   * reply that one trashed under a reply the other trashed later (a newcomer's trial found the
   * reply left out where the recursion also matched the operation).
   */
  private SqlText topsInOrder(Reach reach, ModelSpec model, boolean linkedLater) {
    Edge self = tree.selfCascade(model).orElseThrow();
    String t = reach.from(model);
    String key = reach.key(model);
    String parent = reach.name(self.foreignKey().name());
    String marker = Protocol.DELETION_ID;
    String cte = "cascade_" + model.table() + "_nested";
    Condition tops = reach.tops(model);
    // The tops (through two relations, an OR) that hang below no other top.
    Condition belowAnother =
        Condition.of(SqlText.builder().text(parent + " IN (SELECT " + key + " FROM " + t + " WHERE ").append(tops.sql()).text(")").build());
    SqlText.Builder sql =
        SqlText.builder()
            .append(insertSelect(reach, model, linkedLater))
            .text(" FROM (WITH RECURSIVE " + cte + " (" + Protocol.TREE_KEY + ", "
                + Protocol.TREE_MARK + ", " + Protocol.TREE_DEPTH + ") AS (SELECT " + key + ", " + marker + ", 0 FROM " + t
                + " WHERE ")
            .append(tops.and(belowAnother.negated()).sql())
            .text(" UNION ALL SELECT " + t + "." + key + ", " + t + "." + marker + ", " + Protocol.TREE_DEPTH + " + 1 FROM "
                + t + " JOIN " + cte + " ON " + t + "." + parent + " = " + Protocol.TREE_KEY + " WHERE ")
            .append(tops.sql())
            .text(") SELECT " + Protocol.TREE_KEY + ", " + Protocol.TREE_MARK + ", " + Protocol.TREE_DEPTH + " FROM " + cte + ") AS "
                + Join.ALIAS + " JOIN " + t + " ON " + t + "." + key + " = " + Join.ALIAS + "." + Protocol.TREE_KEY + " AND " + t + "."
                + marker + " = " + Join.ALIAS + "." + Protocol.TREE_MARK);
    if (tree.isRoot(model)) {
      sql.text(" WHERE " + Protocol.KEPT + t + "." + key + Protocol.CLOSE);
    }
    return sql.text(" ORDER BY " + Join.ALIAS + "." + Protocol.TREE_DEPTH).build();
  }

  /** Whether a table's rows are better found through its keys: reached twice, or below a tree. */
  private boolean needsJoin(Reach reach, ModelSpec model) {
    return tree.cascadeInto(model).size() > 1 || reach.recursive(model);
  }

  /**
   * The columns copied back, qualified by the trash table: a foreign key to the root is re-pointed
   * when its root came back under a new key; a {@code SET_NULL} foreign key whose parent is gone
   * comes back null, as it would have been had the row stayed; so does a link to the table itself
   * where {@code linkedLater}, for the relink to set.
   */
  private SqlText expressions(Reach reach, ModelSpec model, boolean linkedLater) {
    String t = reach.from(model);
    SqlText.Builder expressions = SqlText.builder();
    String separator = "";
    for (ColumnSpec column : model.columns()) {
      expressions.text(separator);
      separator = ", ";
      String qualified = t + "." + quoting.name(column.name());
      Optional<Edge> unlinksItself = selfUnlinks(model).stream().filter(e -> e.foreignKey().equals(column)).findFirst();
      if (unlinksItself.isPresent()) {
        expressions.append(linkedLater ? SqlText.of("NULL") : unlinkedFromRestored(reach, model, unlinksItself.get(), qualified));
        continue;
      }
      String expression = qualified;
      for (Edge edge : graph.edgesInto(model)) {
        if (!edge.foreignKey().equals(column) || (edge.isSelf() && edge.onDelete() != OnDelete.CASCADE)) {
          continue;
        }
        if (followsRoot(model, edge)) {
          // A polymorphic key follows the root only on the rows of this relation: a reaction on a
          // comment whose id happens to be a re-keyed post's old key stays on its comment.
          String rekeyed = rekeyed(reach, model, expression);
          String unchanged = expression;
          expression =
              reach.where(edge, Optional.of(t))
                  .map(w -> "CASE WHEN " + w.sql().literal() + " THEN " + rekeyed + " ELSE " + unchanged + " END")
                  .orElse(rekeyed);
        }
        if (edge.onDelete() == OnDelete.SET_NULL) {
          String where = reach.where(edge, Optional.of(t)).map(w -> " AND " + w.sql().literal()).orElse("");
          expression =
              "CASE WHEN " + qualified + " IS NOT NULL" + where + " AND NOT EXISTS (SELECT 1 FROM "
                  + quoting.name(edge.parent().table()) + " AS cascade_parent WHERE cascade_parent."
                  + quoting.name(edge.parent().key().orElseThrow().name()) + " = " + qualified + ") THEN NULL ELSE "
                  + expression + " END";
        }
      }
      expressions.text(expression);
    }
    return expressions.build();
  }

  /**
   * {@code <rekeyed:comments_trash.user_id|comments_trash.trashed_at>}: a trash copy's foreign key
   * to the root as the restore gives it, the new key of a root that comes back under one (the
   * runtime fills it in). Only a row trashed while its key was the re-keyed row's (no later than
   * it) follows it.
   */
  private String rekeyed(Reach reach, ModelSpec model, String column) {
    return Protocol.REKEYED + column + Protocol.REKEYED_AT + reach.from(model) + "."
        + reach.name(TrashTable.of(model).timeColumn()) + Protocol.CLOSE;
  }

  /**
   * A key into the table itself through a {@code SET_NULL} relation (a fork's link to its
   * original), as a row comes back: null where it points at no live row, or at a row this restore
   * brings back too, which may come later in the same statement (or, re-keyed, under another key);
   * {@link #relink} puts those back once every row is in.
   */
  private SqlText unlinkedFromRestored(Reach reach, ModelSpec model, Edge self, String qualified) {
    String key = reach.key(model);
    String where = reach.where(self, Optional.of(reach.from(model))).map(w -> " AND " + w.sql().literal()).orElse("");
    return SqlText.builder()
        .text("CASE WHEN " + qualified + " IS NOT NULL" + where + " AND (NOT EXISTS (SELECT 1 FROM "
            + quoting.name(model.table()) + " AS cascade_parent WHERE cascade_parent." + key + " = " + qualified + ") OR "
            + qualified + " IN (")
        .append(restored(reach, model, key))
        .text(")) THEN NULL ELSE " + qualified + " END")
        .build();
  }

  /** {@code SELECT id FROM (TRASHED_DISHES) AS cascade_restored}: these columns of the rows this restore brings back. */
  private static SqlText restored(Reach reach, ModelSpec model, String columns) {
    return SqlText.builder().text("SELECT " + columns + " FROM (").ref(reach.rowsConstant(model)).text(") AS cascade_restored").build();
  }

  /**
   * After the copies back, each restored row's link to a row of its own table that came back with
   * it ({@code SET_NULL} to itself, left null by {@link #unlinkedFromRestored}), as its trash copy
   * holds it, re-pointed at a root that came back under a new key.
   */
  private List<RestoreStep> relinks(Reach reach) {
    List<RestoreStep> steps = new ArrayList<>();
    for (ModelSpec model : parentsFirst()) {
      for (Edge self : selfUnlinks(model)) {
        String t = reach.from(model);
        String table = quoting.name(model.table());
        String key = reach.key(model);
        String link = reach.name(self.foreignKey().name());
        // A root re-keyed is left out: its old key is another row's now.
        String kept = tree.isRoot(model) ? " AND " + Protocol.KEPT + t + "." + key + Protocol.CLOSE : "";
        String value =
            tree.isRoot(model)
                ? Protocol.REKEYED + t + "." + link + Protocol.REKEYED_AT + t + "."
                    + reach.name(TrashTable.of(model).timeColumn()) + Protocol.CLOSE
                : t + "." + link;
        String copy = "(" + t + "." + key + ", " + t + "." + Protocol.DELETION_ID + ") IN (";
        SqlText rows = restored(reach, model, key + ", " + Protocol.DELETION_ID);
        SqlText sql =
            SqlText.builder()
                .text("UPDATE " + table + " SET " + link + " = (SELECT " + value + " FROM " + t + " WHERE " + copy)
                .append(rows)
                .text(") AND " + t + "." + key + " = " + table + "." + key + ") WHERE " + table + "." + link + " IS NULL AND "
                    + table + "." + key + " IN (SELECT " + t + "." + key + " FROM " + t + " WHERE " + copy)
                .append(rows)
                .text(")" + kept + " AND " + t + "." + link + " IN (")
                .append(restored(reach, model, key))
                .text("))")
                .build();
        // On PostgreSQL the copies are read once and joined, in a whole restore by deletion_id alone,
        // and the row a copy links to is looked up live, where it now is: the trash tables' statistics
        // often say "empty" (no ANALYZE since their rows came), and the planner then served each
        // subquery over a trash table by a loop over another. A newcomer's helpdesk trial restored a
        // tenant of 182,691 rows in 273 s, almost all of it here; a row whose link is null and whose
        // copy's is a live row came back in this restore, as the insert kept every other link.
        Condition copies =
            reach.own(model, Optional.of(t)).orElseThrow()
                .andOnlyNamed(Condition.of(SqlText.builder().text(copy).append(rows).text(")").build()));
        SqlText fromCopies = SqlText.builder().text(" FROM " + t + " WHERE ").append(copies.sql()).build();
        SqlText joined =
            SqlText.builder()
                .text("UPDATE " + table + " SET " + link + " = cascade_relinked.cascade_link FROM ")
                .append(relinked(t, key, link, value, kept, fromCopies))
                .text(" WHERE " + table + "." + key + " = cascade_relinked." + key + " AND " + liveTarget(table, key, link))
                .build();
        // On H2 the copies back write every such link null (H2 inserted a tree's rows out of the
        // order asked for, failing on the tree's own foreign key, when the insert also read the table
        // for the link's target: a newcomer's Q&A trial, whose reply trees quote one another), and
        // this sets each where the linked row is live now. A MERGE reads the copies once, joined to
        // this restore's keys (by deletion_id alone in a whole restore), as H2 runs an IN over a
        // tree's recursive query once per row.
        SqlText fromKeys =
            SqlText.builder()
                .append(reach.everyRow(model).join().orElseThrow().fromUnlessWhole(t))
                .text(" WHERE ")
                .append(reach.own(model, Optional.of(t)).orElseThrow().sql())
                .build();
        SqlText merged =
            SqlText.builder()
                .text("MERGE INTO " + table + " USING ")
                .append(relinked(t, key, link, value, kept, fromKeys))
                .text(" ON " + table + "." + key + " = cascade_relinked." + key + " WHEN MATCHED AND "
                    + liveTarget(table, key, link) + " THEN UPDATE SET " + link + " = cascade_relinked.cascade_link")
                .build();
        steps.add(
            step(RestoreStep.Kind.RELINK, model, "RELINK_" + Naming.constant(model.table()) + "_" + Naming.constant(self.foreignKey().name()),
                "Links the restored " + model.table() + " back to the " + model.table() + " that came back with them ("
                    + self.describe() + "), as their trash copies hold it; on H2 and PostgreSQL, to any live "
                    + model.table() + " their copies link to.",
                new StatementText(sql, Map.of(Dialect.POSTGRESQL, joined, Dialect.H2, merged)), false));
      }
    }
    return steps;
  }

  /**
   * {@code (SELECT dishes_trash.id, dishes_trash.forked_from_id AS cascade_link FROM ... WHERE ...)
   * AS cascade_relinked}: this restore's copies that link to a row of their own table, each with
   * the key it links to, for the joined forms of {@link #relinks}.
   */
  private static SqlText relinked(String t, String key, String link, String value, String kept, SqlText fromCopies) {
    return SqlText.builder()
        .text("(SELECT " + t + "." + key + ", " + value + " AS cascade_link")
        .append(fromCopies)
        .text(kept + " AND " + t + "." + link + " IS NOT NULL) AS cascade_relinked")
        .build();
  }

  /** A restored row left unlinked whose copy links to a row that is live now. */
  private static String liveTarget(String table, String key, String link) {
    return table + "." + link + " IS NULL AND EXISTS (SELECT 1 FROM " + table + " AS cascade_parent WHERE cascade_parent." + key
        + " = cascade_relinked.cascade_link)";
  }

  /** For a key the database generates: one root whose key was taken, back under a new key. */
  private Optional<String> insertWithNewKey(Reach reach) {
    ModelSpec root = tree.root();
    if (!GENERATED_KEY_TYPES.contains(root.key().orElseThrow().type())) {
      return Optional.empty();
    }
    String list =
        root.columns().stream().filter(c -> !c.key()).map(c -> quoting.name(c.name())).collect(Collectors.joining(", "));
    return Optional.of(
        program.add(
            "INSERT_" + Naming.constant(root.table()) + "_WITH_NEW_KEY",
            "Restores one trashed " + root.table() + " whose key was taken, under a key the database generates.",
            SqlText.of(
                insertInto(root, list) + list + " FROM " + reach.from(root)
                    + " WHERE " + Protocol.ORIGINAL_TABLE + " = '" + root.table() + "' AND " + reach.key(root) + " = :"
                    + Protocol.REUSED_KEY + " AND " + Protocol.DELETION_ID + " = :" + Protocol.REUSED_MARKER)));
  }

  /** Keys of rows coming back with the roots (a tree root's rows below it too) that another row has taken. */
  private Checks taken(Reach reach) {
    List<Check> checks = new ArrayList<>();
    for (ModelSpec model : parentsFirst()) {
      if (model.key().isEmpty() || (tree.isRoot(model) && tree.selfCascade(model).isEmpty())) {
        continue;
      }
      String live = quoting.name(model.table());
      String key = quoting.name(model.key().get().name());
      SqlText keys = tree.isRoot(model) ? reach.below(model).join().orElseThrow().source() : trashedKeys(reach, model);
      String constant =
          program.add(
              "TAKEN_" + Naming.constant(model.table()) + (tree.isRoot(model) ? "_BELOW" : "") + "_IDS",
              "Keys of trashed " + model.table() + (tree.isRoot(model) ? " below the requested ones" : "")
                  + " coming back that another row has taken since.",
              SqlText.builder()
                  .text("SELECT " + live + "." + key + " FROM (")
                  .append(keys)
                  .text(") AS " + Join.ALIAS + " JOIN " + live + " ON " + live + "." + key + " = " + Join.ALIAS + "." + key)
                  .build());
      checks.add(new Check(model.table(), model.key().get().name(), null, constant));
    }
    return combined(checks, "TRASH_TAKEN_IDS", "Any key of a row coming back that another row has taken since: the"
        + " number of the first such check.");
  }

  /**
   * The keys of a table's trashed rows coming back, as its statements find them: joined to the
   * keys the relations reach, or in a restore of whole operations by {@code deletion_id} alone
   * ({@link Protocol#ONLY_NAMED}). The join rather than an {@code IN}, which H2 would run once per
   * row for a table below a tree; and no recursion in a whole restore, where SQLite would join the
   * trash table to it by the marker alone (45 s for 12,000 rows below 6,000 pages, found by a
   * newcomer's trial).
   */
  private static SqlText trashedKeys(Reach reach, ModelSpec model) {
    Join join = reach.everyRow(model).join().orElseThrow();
    String t = reach.from(model);
    return SqlText.builder()
        .text("SELECT " + t + "." + reach.key(model))
        .append(join.fromUnlessWhole(reach.from(model)))
        .text(" WHERE ")
        .append(reach.own(model, Optional.of(t)).orElseThrow().sql())
        .build();
  }

  /**
   * For each relation into a restored table that must hold (not {@code SET_NULL}, which restore
   * unlinks), the restored rows whose parent is still deleted: neither live nor coming back in
   * this restore. A relation through which every restored row of a table was reached cannot find
   * one, and is left out.
   */
  private Checks parentChecks(Reach reach, String prefix) {
    List<Check> checks = new ArrayList<>();
    for (ModelSpec model : parentsFirst()) {
      List<Edge> edges = relationsThatMustHold(model);
      List<Edge> reachedThrough = tree.cascadeInto(model);
      boolean isTree = tree.selfCascade(model).isPresent();
      for (Edge edge : edges) {
        if (!isTree && reachedThrough.size() == 1 && reachedThrough.get(0).equals(edge)) {
          continue;
        }
        String constant =
            program.add(
                checkName(prefix + "ORPHANED_", model, edges, edge),
                "Restored " + model.table() + (edge.isSelf() ? " at the top of their subtrees" : "")
                    + " whose parent is still deleted"
                    + (tree.contains(edge.parent()) && parentMayComeBackSoftDeleted(reach, edge.parent())
                        ? ", or, for those that come back live, comes back soft-deleted from another operation"
                        : "")
                    + " (" + edge.describe() + ").",
                orphans(reach, model, edge));
        checks.add(new Check(model.table(), edge.foreignKey().name(), edge.parent().table(), constant));
      }
    }
    return combined(checks, prefix + "CHECKS", "Any restored row whose parent is still deleted: the number of the"
        + " first check that finds one.");
  }

  /**
   * The restored rows of a table whose foreign key points to a parent that is not live (gone, or
   * soft-deleted) and, where the parent's table is restored too, not coming back either. The
   * parents coming back are counted against those needed ({@code GROUP BY ... HAVING}) rather than
   * looked up with {@code NOT IN}: H2 would run a recursive query in a {@code NOT IN} once per row.
   */
  private SqlText orphans(Reach reach, ModelSpec model, Edge edge) {
    String t = reach.from(model);
    String column = t + "." + reach.name(edge.foreignKey().name());
    SqlText.Builder needed = SqlText.builder().text("SELECT " + column + needs(reach, edge));
    if (edge.isSelf()) {
      needed.text(" FROM " + t + " WHERE ").append(reach.tops(model).and(Condition.of(orphan(reach, edge))).sql());
    } else if (reach.recursive(model) && tree.selfCascade(model).isEmpty()) {
      // Below a tree: through each relation, joined to the parent's keys, which H2 reads once in
      // FROM but once per row in an IN. A table without a key too: under an OR of two INs, H2 ran
      // the tree's recursive query for every row of the table (a newcomer's helpdesk trial: its
      // tickets' tags held a soft restore of 45,606 rows for 224 s).
      return restoredToo(reach, edge, belowTree(reach, model, needed.build(), orphan(reach, edge)));
    } else if (reach.recursive(model) && model.key().isPresent()) {
      // A tree's rows: from its keys, the recursive query's. Restoring whole operations, a tree
      // below the root is every row of them, read by deletion_id alone, not joined to itself.
      Join join = (onlyBelowTops(reach, model, edge) ? reach.below(model) : reach.everyRow(model)).join().orElseThrow();
      boolean belowRootInTrash = reach.source() == Source.TRASHED && !tree.isRoot(model);
      if (belowRootInTrash) {
        needed.append(join.fromUnlessWhole(reach.from(model))).text(" WHERE ")
            .append(reach.own(model, Optional.of(t)).orElseThrow().and(Condition.of(orphan(reach, edge))).sql());
      } else {
        needed.append(join.from(t)).text(" WHERE ").append(orphan(reach, edge));
      }
    } else {
      needed.text(" FROM " + t + " WHERE ").append(reach.rows(model).and(Condition.of(orphan(reach, edge))).sql());
    }
    return restoredToo(reach, edge, needed.build());
  }

  /**
   * Whether only a soft-restored tree's rows below its tops can point through the edge to a parent
   * that is not coming back: the tops were found through that edge alone, so their parents come
   * back with them. A kanban board's comments, each reached through its card, are all tops: the
   * check then reads none of them (a newcomer's trial). From the trash, a restore of whole
   * operations reads every row of a tree below the root as a top, and keeps checking them all.
   */
  private boolean onlyBelowTops(Reach reach, ModelSpec model, Edge edge) {
    return reach.source() == Source.SOFT_DELETED
        && !tree.isRoot(model)
        && !edge.isSelf()
        && tree.cascadeInto(model).equals(List.of(edge));
  }

  /**
   * {@code SELECT comments_trash.author_id FROM comments_trash<only-named> JOIN (TRASHED_POSTS) AS
   * cascade_keys ON comments_trash.post_id = cascade_keys.id AND ...</only-named> WHERE ...}: the
   * rows of a table below a tree that meet a condition, read from the table as it is joined to
   * the keys of each relation's parent, never joined to its own keys again. PostgreSQL, with
   * the trash tables' statistics still saying "empty" right after a delete, joined the trash
   * table to its own keys by the {@code deletion_id} index alone, filtering the rest: quadratic
   * (16 s for 43,585 rows, found by a newcomer's trial). In the trash, a restore of whole
   * operations leaves the join out ({@link Protocol#ONLY_NAMED}) and reads the table by {@code
   * deletion_id} alone, as it copies the rows back. There every relation's part reads the same
   * rows, so all but the last are {@code <only-named>} too: a help desk's attachments, reached
   * through three relations, are read once per check, not three times. A row reached through two
   * relations may be selected twice, which no check minds.
   */
  private SqlText belowTree(Reach reach, ModelSpec model, SqlText select, SqlText condition) {
    String t = reach.from(model);
    boolean trashed = reach.source() == Source.TRASHED;
    SqlText.Builder sql = SqlText.builder();
    List<Edge> edges = tree.cascadeInto(model);
    for (int i = 0; i < edges.size(); i++) {
      Join join = reach.join(edges.get(i));
      boolean last = i == edges.size() - 1;
      boolean onlyNamed = trashed && !last;
      sql.text(onlyNamed ? Protocol.ONLY_NAMED : "").append(select);
      if (trashed) {
        sql.append(join.fromUnlessWhole(reach.from(model)));
      } else {
        sql.append(join.from(t));
      }
      Condition where = join.filter().map(f -> f.and(Condition.of(condition))).orElse(Condition.of(condition));
      sql.text(" WHERE ").append(where.sql()).text(last ? "" : " UNION ALL ").text(onlyNamed ? Protocol.END_ONLY_NAMED : "");
    }
    return sql.build();
  }

  /**
   * What a check's rows carry besides the parent's key where the parent's table is restored too:
   * that each needs a parent ({@code 1}), or, where a parent may come back soft-deleted (see {@link
   * #restoredToo}), {@code 2} and its operation for a row that comes back live, {@code 1} for one
   * that comes back soft-deleted.
   */
  private String needs(Reach reach, Edge edge) {
    if (!tree.contains(edge.parent())) {
      return "";
    }
    if (!parentMayComeBackSoftDeleted(reach, edge.parent())) {
      return " AS cascade_parent_key, 1 AS cascade_needed";
    }
    String t = reach.from(edge.child());
    String operation = t + "." + reach.marker(edge.child()).orElseThrow();
    Optional<String> backLive = edge.child().softDeleteColumn().map(d -> t + "." + reach.name(d.name()) + " IS NULL");
    return " AS cascade_parent_key, "
        + backLive.map(live -> "CASE WHEN " + live + " THEN 2 ELSE 1 END").orElse("2") + " AS cascade_needed, 0 AS cascade_given, "
        + backLive.map(live -> "CASE WHEN " + live + " THEN " + operation + " END").orElse(operation) + " AS cascade_operation";
  }

  /**
   * A row of this table restored from the trash comes back soft-deleted when it was soft-deleted
   * as it went into the trash (a user soft-deleted, then trashed).
   */
  private static boolean parentMayComeBackSoftDeleted(Reach reach, ModelSpec parent) {
    return reach.source() == Source.TRASHED && parent.softDeleteColumn().isPresent();
  }

  /**
   * The rows a check needs a parent for, less those whose parent this restore brings back too:
   * counted against the parents coming back ({@code GROUP BY ... HAVING}). Where a parent may come
   * back soft-deleted, a row that comes back live needs one that comes back live, or one its own
   * operation trashed with it, which comes back as it was: each side says what it needs and gives
   * (see {@link #needs}), and a parent coming back soft-deleted serves only rows of its own
   * operation ({@code COUNT(DISTINCT cascade_operation) = 1}). A comment trashed with its author
   * then does not come back live on a post that the same {@code restoreAll} brings back
   * soft-deleted, as neither order of two restores would let it (found by the concurrency run).
   * The parents coming back are read from the trash as {@link #belowTree} reads its rows: joined
   * to their keys only where the call names its roots ({@link Protocol#ONLY_NAMED}), by {@code
   * deletion_id} alone where it restores whole operations. Right after a first large {@code TRASH}
   * delete, PostgreSQL, the trash tables' statistics still saying "empty", joined a trash table to
   * keys that were themselves a join of trash tables by the {@code deletion_id} index alone at each
   * level: a restore preview of 14,401 rows took 253 s ({@code PolymorphicRun}).
   */
  private SqlText restoredToo(Reach reach, Edge edge, SqlText needed) {
    if (!tree.contains(edge.parent())) {
      return needed;
    }
    ModelSpec parent = edge.parent();
    String key = reach.key(parent);
    if (!parentMayComeBackSoftDeleted(reach, parent)) {
      return SqlText.builder()
          .text("SELECT cascade_parent_key FROM (")
          .append(needed)
          .text(" UNION ALL SELECT " + key + ", 0 FROM (")
          .append(reach.keys(parent))
          .text(") AS cascade_restored) AS cascade_parents GROUP BY cascade_parent_key HAVING MIN(cascade_needed) = 1")
          .build();
    }
    String p = "cascade_given_parent";
    String marker = reach.marker(parent).orElseThrow();
    String deletedAt = reach.name(parent.softDeleteColumn().orElseThrow().name());
    return SqlText.builder()
        .text("SELECT cascade_parent_key FROM (")
        .append(needed)
        .text(" UNION ALL SELECT " + p + "." + key + ", 0, CASE WHEN " + p + "." + deletedAt + " IS NULL THEN 2 ELSE 1 END, "
            + p + "." + marker + " FROM " + reach.from(parent) + " AS " + p + Protocol.ONLY_NAMED + " JOIN (")
        .append(reach.keys(parent))
        .text(") AS cascade_restored ON " + p + "." + key + " = cascade_restored." + key + " AND " + p + "." + marker
            + " = cascade_restored." + marker + Protocol.END_ONLY_NAMED + " WHERE ")
        .append(reach.own(parent, Optional.of(p)).orElseThrow().sql())
        .text(") AS cascade_parents GROUP BY cascade_parent_key"
            + " HAVING MAX(cascade_needed) > MAX(cascade_given)"
            + " AND (MAX(cascade_given) = 0 OR COUNT(DISTINCT cascade_operation) > 1)")
        .build();
  }

  /**
   * Rows whose foreign key points to a parent that is not live: gone, or soft-deleted. From the
   * trash, a row that comes back soft-deleted itself may point at a soft-deleted parent: a post
   * trashed after its user was soft-deleted comes back as the soft delete left it, and the user's
   * restore then brings back both.
   */
  private SqlText orphan(Reach reach, Edge edge) {
    String t = reach.from(edge.child());
    String column = t + "." + reach.name(edge.foreignKey().name());
    Optional<String> backSoftDeleted =
        reach.source() == Source.TRASHED
            ? edge.child().softDeleteColumn().map(d -> t + "." + reach.name(d.name()) + " IS NOT NULL")
            : Optional.empty();
    // A row that follows a root coming back under a new key has that root for its parent, not the
    // row that took the root's old key: the runtime gives such a row no live parent here, and the
    // root, coming back, is counted as its parent (a model-based run found a comment brought back
    // live under its author, re-keyed and soft-deleted).
    String parentKey =
        reach.source() == Source.TRASHED && !edge.isSelf() && followsRoot(edge.child(), edge)
            ? rekeyed(reach, edge.child(), column)
            : column;
    return SqlText.builder()
        .text(column + " IS NOT NULL")
        .text(reach.where(edge, Optional.of(t)).map(w -> " AND " + w.sql().literal()).orElse(""))
        .text(" AND NOT EXISTS (" + live(edge.parent(), parentKey, backSoftDeleted) + ")")
        .build();
  }

  /**
   * {@code SELECT 1 FROM posts AS cascade_parent WHERE cascade_parent.id = x AND
   * cascade_parent.deleted_at IS NULL}, or with {@code orSoftDeleted}, {@code AND
   * (cascade_parent.deleted_at IS NULL OR <orSoftDeleted>)}.
   */
  private String live(ModelSpec parent, String column, Optional<String> orSoftDeleted) {
    String p = "cascade_parent.";
    return "SELECT 1 FROM " + quoting.name(parent.table()) + " AS cascade_parent WHERE " + p
        + quoting.name(parent.key().orElseThrow().name()) + " = " + column
        + parent.softDeleteColumn()
            .map(d -> p + quoting.name(d.name()) + " IS NULL")
            .map(notDeleted -> " AND " + orSoftDeleted.map(o -> "(" + notDeleted + " OR " + o + ")").orElse(notDeleted))
            .orElse("");
  }

  /** The roots' own condition, narrowed to those whose parents are live: {@code restoreAll}'s candidates. */
  private Condition parentsLive(Reach reach, ModelSpec root, Condition own) {
    Condition condition = own;
    for (Edge edge : relationsThatMustHold(root)) {
      condition = condition.and(Condition.of(orphan(reach, edge)).negated());
    }
    return condition;
  }

  private Checks combined(List<Check> checks, String name, String comment) {
    if (checks.size() < 2) {
      return new Checks(Optional.empty(), checks);
    }
    SqlText.Builder sql = SqlText.builder();
    for (int i = 0; i < checks.size(); i++) {
      sql.text((i == 0 ? "" : " UNION ALL ") + "SELECT " + (i + 1) + " FROM (")
          .ref(checks.get(i).constant())
          .text(") AS cascade_check_" + (i + 1));
    }
    return new Checks(Optional.of(program.add(name, comment, sql.build())), checks);
  }

  /**
   * {@code SOFT_ORPHANED_COMMENTS_POST_ID}: a check's constant, by table and foreign key, with the
   * parent's table too where one column points at several (a polymorphic relation).
   */
  private static String checkName(String prefix, ModelSpec model, List<Edge> edges, Edge edge) {
    boolean repeated = edges.stream().filter(e -> e.foreignKey().name().equals(edge.foreignKey().name())).count() > 1;
    return prefix + Naming.constant(model.table()) + "_" + (repeated ? Naming.constant(edge.parent().table()) + "_" : "")
        + Naming.constant(edge.foreignKey().name());
  }

  private List<Edge> relationsThatMustHold(ModelSpec model) {
    return graph.edgesInto(model).stream()
        .filter(e -> e.onDelete() != OnDelete.SET_NULL)
        .sorted(Comparator.comparing((Edge e) -> e.parent().table()).thenComparing(e -> e.foreignKey().name()))
        .toList();
  }

  private List<ModelSpec> parentsFirst() {
    List<ModelSpec> order = new ArrayList<>(tree.childrenFirst());
    Collections.reverse(order);
    return order;
  }

  private RestoreStep step(RestoreStep.Kind kind, ModelSpec table, String name, String comment, StatementText sql, boolean root) {
    return new RestoreStep(kind, table.table(), program.add(name, comment, sql), root);
  }
}
