package dev.cascade.processor.plan;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans a deleter: for each strategy, the {@code RESTRICT} checks, then one statement per relation
 * children first (never one per row), and the counts a preview runs. Constants are added in the
 * order they run, strategy by strategy.
 */
final class DeletePlanner {
  private final CascadeTree tree;
  private final Program program;
  private final Quoting quoting;

  DeletePlanner(CascadeTree tree, Program program, Quoting quoting) {
    this.tree = tree;
    this.program = program;
    this.quoting = quoting;
  }

  DeletePlan plan() {
    ModelSpec root = tree.root();
    Reach live = new Reach(tree, Source.LIVE, program, quoting);
    String selectRoots =
        program.add(
            "SELECT_" + Naming.constant(root.table()),
            "Loads the " + root.table() + " the call names, for listeners.",
            SqlText.of(
                "SELECT " + columnList(root, live, Optional.empty()) + " FROM " + live.from(root) + " WHERE "
                    + live.key(root) + " IN (" + Protocol.IDS + ")"));

    Map<DeleteStrategy, StrategyPlan> strategies = new LinkedHashMap<>();
    strategies.put(DeleteStrategy.PERMANENT, strategy(live, DeleteStrategy.PERMANENT));
    Optional<String> softUnsupported = softUnsupported(tree);
    if (softUnsupported.isEmpty()) {
      strategies.put(
          DeleteStrategy.SOFT, strategy(new Reach(tree, Source.NOT_DELETED, program, quoting), DeleteStrategy.SOFT));
    }
    strategies.put(DeleteStrategy.TRASH, strategy(live, DeleteStrategy.TRASH));
    return new DeletePlan(selectRoots, strategies, softUnsupported);
  }

  /** Why the cascade cannot be soft-deleted: every table of it without a soft-delete column. */
  static Optional<String> softUnsupported(CascadeTree tree) {
    List<ModelSpec> without = tree.childrenFirst().stream().filter(m -> m.softDeleteColumn().isEmpty()).toList();
    if (without.size() <= 1) {
      return without.stream()
          .findFirst()
          .map(m -> m.table() + " has no soft-delete column " + m.deletable().deletedAt() + " of a time type");
    }
    return Optional.of(
        "these tables of its cascade have no soft-delete column of a time type: "
            + without.stream().map(m -> m.table() + " (" + m.deletable().deletedAt() + ")").collect(Collectors.joining(", ")));
  }

  private StrategyPlan strategy(Reach reach, DeleteStrategy strategy) {
    List<Restriction> restrictions = restrictions(reach, strategy);
    List<DeleteStep> steps = new ArrayList<>();
    for (ModelSpec table : tree.childrenFirst()) {
      List<DeleteStep> unlinks = new ArrayList<>();
      if (strategy != DeleteStrategy.SOFT) {
        for (Edge edge : tree.edgesFrom(table, OnDelete.SET_NULL)) {
          unlinks.addAll(nullify(reach, edge));
        }
      }
      List<DeleteStep> own =
          tree.selfCascade(table).isPresent() ? treeSteps(reach, table, strategy) : tableSteps(reach, table, strategy);
      // A table that unlinks its own rows (a fork's link to its original) copies them first, so that
      // a row trashed with the row it points at keeps the link in the trash, and a restore of both
      // brings it back; the unlinking then runs before the deletes, which it keeps from failing.
      int copies = strategy == DeleteStrategy.TRASH && unlinksItself(table) ? leadingCopies(own) : 0;
      steps.addAll(own.subList(0, copies));
      steps.addAll(unlinks);
      steps.addAll(own.subList(copies, own.size()));
    }
    return new StrategyPlan(restrictions, steps, counts(reach, strategy));
  }

  private List<Restriction> restrictions(Reach reach, DeleteStrategy strategy) {
    String prefix = strategy == DeleteStrategy.SOFT ? "SOFT_" : "";
    List<Restriction> checks = new ArrayList<>();
    for (ModelSpec table : tree.childrenFirst()) {
      for (Edge edge : tree.edgesFrom(table, OnDelete.RESTRICT)) {
        String constant =
            program.add(
                prefix + "RESTRICT_" + Naming.constant(edge.child().table()) + "_" + Naming.constant(edge.foreignKey().name()),
                "Counts the " + edge.child().table() + (strategy == DeleteStrategy.SOFT ? " not soft-deleted" : "")
                    + " that block the delete: " + edge.describe() + " is RESTRICT.",
                countOutsideCascade(reach, edge));
        Optional<Restriction.Trashed> trashed =
            strategy == DeleteStrategy.PERMANENT ? Optional.of(trashedRestriction(reach, edge)) : Optional.empty();
        checks.add(new Restriction(edge.child().table(), edge.foreignKey().name(), table.table(), constant, trashed));
      }
    }
    return checks;
  }

  /**
   * Counts the rows of a {@code RESTRICT} relation's child in its trash table that point into the
   * cascade: a {@code PERMANENT} delete of what they point at would leave them pointing at nothing,
   * and the delete that trashed them impossible to restore. The runtime runs it where that table
   * exists.
   */
  private Restriction.Trashed trashedRestriction(Reach reach, Edge edge) {
    String trash = TrashTable.of(edge.child()).name();
    SqlText count =
        SqlText.builder().text("SELECT COUNT(*) FROM " + reach.name(trash) + " WHERE ").append(reach.through(edge).sql()).build();
    String constant =
        program.add(
            "TRASHED_RESTRICT_" + Naming.constant(edge.child().table()) + "_" + Naming.constant(edge.foreignKey().name()),
            "Counts the " + edge.child().table() + " in " + trash + " that block a permanent delete: " + edge.describe()
                + " is RESTRICT, and restored they would point at nothing.",
            StatementText.portable(count));
    return new Restriction.Trashed(trash, constant);
  }

  /**
   * Counts the rows of an edge's child that point into the cascade without being part of it: those
   * a {@code RESTRICT} relation protects and a {@code SET_NULL} relation unlinks. PostgreSQL leaves
   * out the rows the cascade reaches with {@code NOT EXISTS} (see {@link Reach#notReached}).
   */
  private StatementText countOutsideCascade(Reach reach, Edge edge) {
    ModelSpec child = edge.child();
    Condition pointing = reach.through(edge);
    if (!tree.contains(child)) {
      return StatementText.portable(Shapes.count(reach, child, pointing));
    }
    StatementText count =
        withNotReachedOnPostgresql(
            reach, child, pointing, StatementText.portable(Shapes.count(reach, child, pointing.and(reach.rows(child).negated()))),
            condition -> Shapes.count(reach, child, condition));
    if (child.key().isEmpty() || !(reach.recursive(child) || reach.recursive(edge.parent()))) {
      return count;
    }
    return count.withVariant(
        Dialect.H2,
        SqlText.builder().text("SELECT COUNT(*) FROM (").append(reach.outsideKeys(edge)).text(") AS cascade_outside").build());
  }

  /**
   * The statement, and for PostgreSQL the same shape over {@code pointing} with the rows the cascade
   * reaches left out by {@code NOT EXISTS} ({@link Reach#notReached}), where there is such a form.
   */
  private static StatementText withNotReachedOnPostgresql(
      Reach reach, ModelSpec child, Condition pointing, StatementText statement, Function<Condition, SqlText> shape) {
    return reach.notReached(child)
        .map(notReached -> statement.withVariant(Dialect.POSTGRESQL, shape.apply(pointing.and(notReached))))
        .orElse(statement);
  }

  /**
   * Unlinks a {@code SET_NULL} relation's rows. Into the table itself (a fork's link to its
   * original), in two statements: the rows the operation keeps, counted as unlinked; then, after
   * their copies, those it deletes, so that they go in any order (databases that check foreign keys
   * row by row would refuse a row another still points at), not counted.
   */
  private List<DeleteStep> nullify(Reach reach, Edge edge) {
    String name = Naming.constant(edge.child().table()) + "_" + Naming.constant(edge.foreignKey().name());
    String assignment = reach.name(edge.foreignKey().name()) + " = NULL";
    Link link = reach.link(edge.child(), Optional.of(edge));
    if (!edge.isSelf()) {
      String constant =
          program.add("NULLIFY_" + name, "Unlinks the " + edge.child().table() + ": " + edge.describe() + " is SET_NULL.",
              Shapes.update(reach, link, assignment));
      return List.of(new DeleteStep(DeleteStep.Kind.NULLIFY, edge.child().table(), edge.foreignKey().name(), constant, false, List.of()));
    }
    // The rows the operation keeps: left out of the link's condition, and of H2's MERGE over it
    // (which a statement reading the table it changes needs); on PostgreSQL by NOT EXISTS, as the
    // counts of such rows leave them out.
    ModelSpec child = edge.child();
    String t = reach.from(child);
    Condition kept = reach.rows(child).negated();
    // In H2's MERGE the table's columns are qualified: its source has an id too. By the row's own
    // columns where they tell: an IN over the table's keys would read the table the MERGE changes.
    Optional<Condition> keptByOwnColumns = reach.rowsByOwnColumns(child, t).map(Condition::negated);
    Link keptRows =
        new Link(child, Optional.of(edge), "the " + child.table() + " the operation keeps", link.condition().and(kept),
            keptByOwnColumns.flatMap(k ->
                link.join().map(j -> j.filteredBy(k))),
            link.recursive());
    StatementText unlinkKept =
        withNotReachedOnPostgresql(
            reach, child, link.condition(), Shapes.update(reach, keptRows, assignment),
            condition -> Shapes.update(reach, child, condition, assignment));
    if (keptByOwnColumns.isEmpty()) {
      // A tree, or a table below one: its rows are told only by its recursive query's keys, which
      // H2 would read through an IN once per row; it gets them once each (Reach#outsideKeys).
      unlinkKept =
          unlinkKept.withVariant(
              Dialect.H2,
              SqlText.builder()
                  .text("MERGE INTO " + t + " USING (")
                  .append(reach.outsideKeys(edge))
                  .text(") AS cascade_outside ON " + t + "." + reach.key(child) + " = cascade_outside." + reach.key(child)
                      + " WHEN MATCHED THEN UPDATE SET " + assignment)
                  .build());
    }
    String outside =
        program.add("NULLIFY_" + name, "Unlinks the " + child.table() + " the operation keeps: " + edge.describe()
            + " is SET_NULL.", unlinkKept);
    String inside =
        program.add("UNLINK_" + name, "Unlinks the " + edge.child().table() + " the operation deletes from one another ("
            + edge.describe() + "), so that they can go in any order.", Shapes.update(reach, link, assignment));
    return List.of(
        new DeleteStep(DeleteStep.Kind.NULLIFY, edge.child().table(), edge.foreignKey().name(), outside, false, List.of()),
        new DeleteStep(DeleteStep.Kind.UNLINK, edge.child().table(), edge.foreignKey().name(), inside, false, List.of()));
  }

  /** Whether a table has a {@code SET_NULL} relation to itself. */
  private boolean unlinksItself(ModelSpec table) {
    return tree.edgesFrom(table, OnDelete.SET_NULL).stream().anyMatch(Edge::isSelf);
  }

  private static int leadingCopies(List<DeleteStep> steps) {
    int copies = 0;
    while (copies < steps.size() && steps.get(copies).kind() == DeleteStep.Kind.COPY) {
      copies++;
    }
    return copies;
  }

  /**
   * A table that is not a tree: per relation into it (or as the roots), copy and delete, or mark. A
   * trashed table that unlinks its own rows and is reached through several relations is copied in
   * one statement, every row once, before any of it is unlinked or deleted.
   */
  private List<DeleteStep> tableSteps(Reach reach, ModelSpec table, DeleteStrategy strategy) {
    List<DeleteStep> steps = new ArrayList<>();
    List<Edge> edges = tree.cascadeInto(table);
    String name = Naming.constant(table.table());
    boolean root = tree.isRoot(table);
    List<Link> links = reach.links(table);
    if (strategy == DeleteStrategy.TRASH && unlinksItself(table) && links.size() > 1) {
      String what = "the " + table.table() + " the cascade reaches";
      StatementText copy = copy(reach, new Link(table, Optional.empty(), what, reach.rows(table), Optional.empty(), false));
      // On H2 by the rows' own columns: it locks each row it copies, then runs an IN over the
      // table's keys again for it.
      Optional<Condition> own = reach.rowsByOwnColumns(table, reach.from(table));
      if (own.isPresent()) {
        copy = new StatementText(
            copy.sql(), Map.of(Dialect.H2, copy(reach, new Link(table, Optional.empty(), what, own.get(), Optional.empty(), false)).sql()));
      }
      steps.add(step(DeleteStep.Kind.COPY, table, "COPY_" + name, "Copies " + what + " into "
          + TrashTable.of(table).name() + ", each once.", copy, root));
      for (Link link : links) {
        String by = link.edge().map(e -> Naming.bySuffix(e, edges)).orElse("");
        steps.add(step(DeleteStep.Kind.DELETE, table, "DELETE_" + name + by, "Deletes " + link.what() + ".",
            Shapes.delete(reach, link), root));
      }
      return steps;
    }
    for (Link link : links) {
      String by = link.edge().map(e -> Naming.bySuffix(e, edges)).orElse("");
      if (strategy == DeleteStrategy.TRASH) {
        steps.add(step(DeleteStep.Kind.COPY, table, "COPY_" + name + by, "Copies " + link.what() + " into "
            + TrashTable.of(table).name() + ".", copy(reach, link), root));
      }
      if (strategy == DeleteStrategy.SOFT) {
        steps.add(step(DeleteStep.Kind.MARK, table, "MARK_" + name + by, "Soft-deletes " + link.what()
            + " that are not soft-deleted yet.", mark(reach, link), root));
      } else {
        steps.add(step(DeleteStep.Kind.DELETE, table, "DELETE_" + name + by, "Deletes " + link.what() + ".",
            Shapes.delete(reach, link), root));
      }
    }
    return steps;
  }

  /**
   * A tree: the rows below its tops first, then the tops, so that {@code deletedCount} counts the
   * rows the call names. Databases that check foreign keys row by row (H2, MySQL, MariaDB) cannot
   * delete a subtree in one statement in any order, so there every row below a top is first
   * pointed at its top; the rows below are then those pointing at a top. Elsewhere a tree reached
   * through a relation goes in one statement ({@link #deleteBelow}).
   */
  private List<DeleteStep> treeSteps(Reach reach, ModelSpec table, DeleteStrategy strategy) {
    List<DeleteStep> steps = new ArrayList<>();
    String name = Naming.constant(table.table());
    boolean root = tree.isRoot(table);
    Link below = reach.below(table);
    if (strategy == DeleteStrategy.SOFT) {
      steps.add(step(DeleteStep.Kind.MARK, table, "MARK_" + name + "_BELOW",
          "Soft-deletes the " + table.table() + " below the tops that are not soft-deleted yet, whole subtrees.",
          Shapes.update(reach, below, markAssignment(reach, table)), false));
      for (Link link : reach.links(table)) {
        steps.add(step(DeleteStep.Kind.MARK, table, "MARK_" + name + bySuffix(link, table),
            "Soft-deletes " + link.what() + " that are not soft-deleted yet: the tops of their subtrees.",
            mark(reach, link), root));
      }
      return steps;
    }
    if (strategy == DeleteStrategy.TRASH) {
      String trash = TrashTable.of(table).name();
      steps.add(step(DeleteStep.Kind.COPY, table, "COPY_" + name + "_BELOW",
          "Copies the " + table.table() + " below the tops into " + trash + ", whole subtrees.",
          copy(reach, below), false));
      Link tops = new Link(table, Optional.empty(), "the tops", reach.tops(table), Optional.empty(), false);
      steps.add(step(DeleteStep.Kind.COPY, table, "COPY_" + name,
          "Copies the " + table.table() + (root ? " themselves" : " the cascade reaches") + ", the tops of their"
              + " subtrees, into " + trash + ".",
          copy(reach, tops), root));
    }
    steps.add(flatten(reach, table));
    if (root) {
      steps.add(detachNestedTops(reach, table));
    }
    steps.add(step(DeleteStep.Kind.DELETE, table, "DELETE_" + name + "_BELOW",
        "Deletes the " + table.table() + " below the tops, whole subtrees"
            + (root ? "" : ", and where foreign keys are checked at the end of each statement the tops with them,"
                + " as a top may hang below another's subtree")
            + "; where foreign keys are checked row by row, those the flattening pointed at a top.",
        deleteBelow(reach, table, root), false));
    for (Link link : reach.links(table)) {
      steps.add(step(DeleteStep.Kind.DELETE, table, "DELETE_" + name + bySuffix(link, table),
          "Deletes " + link.what() + ": the tops of their subtrees.", Shapes.delete(reach, link), root));
    }
    return steps;
  }

  /**
   * Points each row below a tree's tops at its top: then no row to delete points at another but at
   * a top, whatever the order rows go in. The tops must point at no row of the subtree either: H2
   * points each at itself, in one pass over the recursive query (a join back to it H2 would run
   * once per row); MySQL and MariaDB refuse to delete a row that points at itself, so there a top
   * whose parent is in the subtree points at none, found by joining the query to itself, which
   * they index.
   */
  private DeleteStep flatten(Reach reach, ModelSpec table) {
    Edge self = tree.selfCascade(table).orElseThrow();
    String t = reach.from(table);
    String key = reach.key(table);
    String parent = reach.name(self.foreignKey().name());
    String cte = reach.cte(table);
    String flat = "cascade_" + table.table() + "_flat";
    String newParent = "cascade_new_parent";
    SqlText h2Rows =
        SqlText.builder()
            .text("SELECT " + Protocol.TREE_KEY + ", CASE WHEN " + Protocol.TREE_DEPTH + " > 0 THEN " + Protocol.TREE_TOP
                + " ELSE " + Protocol.TREE_KEY + " END AS " + newParent + " FROM (")
            .ref(reach.subtree(table))
            .text(" SELECT " + Protocol.TREE_KEY + ", " + Protocol.TREE_TOP + ", " + Protocol.TREE_DEPTH + " FROM " + cte
                + ") AS " + flat)
            .build();
    SqlText mysqlRows =
        SqlText.builder()
            .text("SELECT " + Protocol.TREE_KEY + ", " + newParent + " FROM (")
            .ref(reach.subtree(table))
            .text(" SELECT c." + Protocol.TREE_KEY + ", CASE WHEN c." + Protocol.TREE_DEPTH + " > 0 THEN c."
                + Protocol.TREE_TOP + " END AS " + newParent + " FROM " + cte + " AS c JOIN " + t + " ON " + t + "."
                + key + " = c." + Protocol.TREE_KEY + " LEFT JOIN " + cte + " AS pc ON " + t + "." + parent + " = pc."
                + Protocol.TREE_KEY + " WHERE c." + Protocol.TREE_DEPTH + " > 0 OR pc." + Protocol.TREE_KEY
                + " IS NOT NULL) AS " + flat)
            .build();
    String name = Naming.constant(table.table());
    String flatOnH2 =
        program.add(
            name + "_FLATTENED_ON_H2",
            "Each " + table.table() + " row below the tops with the top it hangs from, and each top with itself.",
            h2Rows);
    String flatOnMysql =
        program.add(
            name + "_FLATTENED",
            "Each " + table.table() + " row below the tops with the top it hangs from, and each top whose parent is"
                + " in the subtree with none.",
            mysqlRows);
    SqlText mysql =
        SqlText.builder()
            .text("UPDATE " + t + " JOIN (")
            .ref(flatOnMysql)
            .text(") AS " + flat + " ON " + t + "." + key + " = " + flat + "." + Protocol.TREE_KEY + " SET " + t + "."
                + parent + " = " + flat + "." + newParent)
            .build();
    SqlText h2 =
        SqlText.builder()
            .text("MERGE INTO " + t + " USING (")
            .ref(flatOnH2)
            .text(") AS " + flat + " ON " + t + "." + key + " = " + flat + "." + Protocol.TREE_KEY
                + " WHEN MATCHED THEN UPDATE SET " + parent + " = " + flat + "." + newParent)
            .build();
    String constant =
        program.add(
            "FLATTEN_" + name,
            "Points each " + table.table() + " row below the tops at its top (" + self.describe()
                + "), for databases that check foreign keys row by row.",
            mysql,
            Map.of(Dialect.H2, h2));
    return new DeleteStep(
        DeleteStep.Kind.FLATTEN, table.table(), self.foreignKey().name(), constant, false, List.of(Dialect.H2, Dialect.MYSQL));
  }

  /**
   * Unlinks each row the call names that hangs below another it names ({@code destroyAll} of a
   * folder and its grandchild), where foreign keys are checked at the end of each statement
   * (PostgreSQL, SQLite): the rows below are deleted before the named ones, and would otherwise
   * leave the inner one pointing at a deleted row. {@link #flatten} does the same where foreign
   * keys are checked row by row. It climbs from the named rows to their ancestors, stopping at a
   * named one, so it reads a few rows per level rather than the subtrees; a trash copy keeps the
   * parent, taken before.
   */
  private DeleteStep detachNestedTops(Reach reach, ModelSpec table) {
    Edge self = tree.selfCascade(table).orElseThrow();
    String t = reach.from(table);
    String key = reach.key(table);
    String parent = reach.name(self.foreignKey().name());
    String up = "cascade_" + table.table() + "_up";
    String named = " IN (" + Protocol.IDS + ")";
    SqlText sql =
        SqlText.builder()
            .text("UPDATE " + t + " SET " + parent + " = NULL WHERE " + key + " IN (SELECT " + Protocol.TREE_KEY
                + " FROM (WITH RECURSIVE " + up + " (" + Protocol.TREE_KEY + ", cascade_ancestor) AS (SELECT " + key
                + ", " + parent + " FROM " + t + " WHERE ")
            .append(reach.tops(table).sql())
            .text(" UNION SELECT " + Protocol.TREE_KEY + ", " + t + "." + parent + " FROM " + up + " JOIN " + t + " ON "
                + t + "." + key + " = cascade_ancestor WHERE cascade_ancestor NOT" + named + ") SELECT "
                + Protocol.TREE_KEY + " FROM " + up + " WHERE cascade_ancestor" + named + ") AS cascade_" + table.table()
                + "_nested)")
            .build();
    String constant =
        program.add(
            "DETACH_NESTED_" + Naming.constant(table.table()),
            "Unlinks the " + table.table() + " the call names that hang below another it names (" + self.describe()
                + "), for databases that check foreign keys at the end of each statement.",
            sql);
    return new DeleteStep(
        DeleteStep.Kind.FLATTEN, table.table(), self.foreignKey().name(), constant, false,
        List.of(Dialect.POSTGRESQL, Dialect.SQLITE));
  }

  /**
   * The rows below a tree's tops: from the recursive query where foreign keys are checked at the
   * end of each statement; after {@link #flatten}, the rows pointing at a top (on H2 through a
   * {@code MERGE}, which reads the tops once). Where foreign keys are checked at the end of each
   * statement (PostgreSQL, SQLite), a tree the cascade reaches through a relation loses its tops
   * in the same statement: a top may hang below a row of another top's subtree (a user's reply to
   * a reply to their own comment), which must not go first. The statements of the tops then find
   * nothing. The rows the call names keep a statement of their own, which counts them; {@link
   * #detachNestedTops} unlinks those nested below another first.
   */
  private StatementText deleteBelow(Reach reach, ModelSpec table, boolean root) {
    Edge self = tree.selfCascade(table).orElseThrow();
    String t = reach.from(table);
    String key = reach.key(table);
    String parent = reach.name(self.foreignKey().name());
    String tops =
        program.add(
            Naming.constant(table.table()) + "_TOPS",
            "Keys of the " + table.table() + " at the top of the subtrees the cascade reaches, read once.",
            SqlText.builder()
                .text("SELECT " + key + " FROM (SELECT DISTINCT " + key + " FROM " + t + " WHERE ")
                .append(reach.tops(table).sql())
                .text(") AS cascade_" + table.table() + "_tops")
                .build());
    Optional<Condition> where = reach.where(self, Optional.empty());
    SqlText.Builder mysql =
        SqlText.builder().text("DELETE FROM " + t + " WHERE " + parent + " IN (").ref(tops).text(") AND " + key + " NOT IN (")
            .ref(tops).text(")");
    where.ifPresent(w -> mysql.text(" AND ").append(w.sql()));
    // On H2 a top points at itself. H2 runs a subquery of the table a MERGE changes again for every
    // row it changes, so the rows below are found by a join from the tops.
    String below = "cascade_below";
    SqlText.Builder h2 =
        SqlText.builder()
            .text("MERGE INTO " + t + " USING (SELECT " + below + "." + key + " FROM (SELECT " + key + " AS cascade_top FROM "
                + t + " WHERE ")
            .append(reach.tops(table).sql())
            .text(") AS cascade_tops JOIN " + t + " AS " + below + " ON " + below + "." + parent + " = cascade_tops.cascade_top"
                + " WHERE " + below + "." + key + " <> " + below + "." + parent);
    reach.where(self, Optional.of(below)).ifPresent(w -> h2.text(" AND ").append(w.sql()));
    h2.text(") AS " + Join.ALIAS + " ON " + t + "." + key + " = " + Join.ALIAS + "." + key + " WHEN MATCHED THEN DELETE");
    SqlText portable = Shapes.delete(reach, root ? reach.below(table) : reach.everyRow(table)).sql();
    return new StatementText(portable, Map.of(Dialect.H2, h2.build(), Dialect.MYSQL, mysql.build()));
  }

  private StatementText mark(Reach reach, Link link) {
    return Shapes.update(reach, link, markAssignment(reach, link.table()));
  }

  private static String markAssignment(Reach reach, ModelSpec table) {
    return reach.name(table.softDeleteColumn().orElseThrow().name()) + " = :" + Protocol.DELETED_AT;
  }

  /**
   * {@code INSERT INTO posts_trash (id, ..., trashed_at, original_table, deletion_id) SELECT id,
   * ..., :deletedAt, 'posts', :deletionId FROM posts WHERE ...}.
   */
  private static StatementText copy(Reach reach, Link link) {
    ModelSpec table = link.table();
    TrashTable trash = TrashTable.of(table);
    boolean joined = link.recursive() && link.join().isPresent();
    Optional<String> qualifier = joined ? Optional.of(reach.from(table)) : Optional.empty();
    return StatementText.portable(
        SqlText.builder()
            .text("INSERT INTO " + reach.name(trash.name()) + " (" + columnList(table, reach, Optional.empty()) + ", "
                + reach.name(trash.timeColumn()) + ", " + Protocol.ORIGINAL_TABLE + ", " + Protocol.DELETION_ID + ")"
                + " SELECT " + columnList(table, reach, qualifier) + ", :" + Protocol.DELETED_AT + ", '" + table.table()
                + "', :" + Protocol.DELETION_ID_PARAMETER)
            .append(Shapes.fromLink(reach, link))
            .build());
  }

  private List<Count> counts(Reach reach, DeleteStrategy strategy) {
    String prefix = strategy == DeleteStrategy.SOFT ? "SOFT_" : "";
    List<Count> counts = new ArrayList<>();
    for (ModelSpec table : tree.childrenFirst()) {
      if (strategy != DeleteStrategy.SOFT) {
        for (Edge edge : tree.edgesFrom(table, OnDelete.SET_NULL)) {
          String constant =
              program.add(
                  "COUNT_NULLIFY_" + Naming.constant(edge.child().table()) + "_" + Naming.constant(edge.foreignKey().name()),
                  "Counts the " + edge.child().table() + " a delete would unlink, for preview.",
                  countOutsideCascade(reach, edge));
          counts.add(new Count(edge.child().table(), true, constant));
        }
      }
      String constant =
          program.add(
              prefix + "COUNT_" + Naming.constant(table.table()),
              "Counts the " + table.table() + " a " + (strategy == DeleteStrategy.SOFT ? "soft " : "")
                  + "delete would remove, for preview.",
              countRows(reach, table));
      counts.add(new Count(table.table(), false, constant));
    }
    return counts;
  }

  /**
   * Counts each reached row once: through the table's keys where it is a tree or reached by a
   * join; a table without a key reached through several relations by the positions of its rows
   * on PostgreSQL (see {@link Reach#positionsReached}) and by their {@code _ROWID_}s on H2 (see
   * {@link Reach#rowIdsReached}).
   */
  private StatementText countRows(Reach reach, ModelSpec table) {
    if (table.key().isPresent() && reach.recursive(table)) {
      return StatementText.portable(
          SqlText.builder().text("SELECT COUNT(*) FROM (").append(reach.keys(table)).text(") AS " + Join.ALIAS).build());
    }
    Optional<Link> joined = reach.joinedBelowTree(table);
    if (joined.isPresent()) {
      return StatementText.portable(SqlText.builder().text("SELECT COUNT(*)").append(Shapes.fromLink(reach, joined.get())).build());
    }
    SqlText portable = Shapes.count(reach, table, reach.rows(table));
    if (table.key().isPresent() || tree.cascadeInto(table).size() < 2) {
      return StatementText.portable(portable);
    }
    SqlText positions =
        SqlText.builder().text("SELECT COUNT(*) FROM (").append(reach.positionsReached(table)).text(") AS " + Join.ALIAS).build();
    SqlText rowIds =
        SqlText.builder().text("SELECT COUNT(*) FROM (").append(reach.rowIdsReached(table)).text(") AS " + Join.ALIAS).build();
    return new StatementText(portable, Map.of(Dialect.POSTGRESQL, positions, Dialect.H2, rowIds));
  }

  private String bySuffix(Link link, ModelSpec table) {
    List<Edge> edges = tree.cascadeInto(table);
    return link.edge().map(e -> Naming.bySuffix(e, edges)).orElse("");
  }

  private DeleteStep step(
      DeleteStep.Kind kind, ModelSpec table, String name, String comment, StatementText sql, boolean root) {
    return new DeleteStep(kind, table.table(), null, program.add(name, comment, sql), root, List.of());
  }

  /** {@code id, user_id, title}: every column of the model, in component order, optionally qualified. */
  static String columnList(ModelSpec table, Reach reach, Optional<String> qualifier) {
    return columnList(table, column -> qualifier.map(q -> q + ".").orElse("") + reach.name(column.name()));
  }

  static String columnList(ModelSpec table, Function<ColumnSpec, String> render) {
    return table.columns().stream().map(render).collect(Collectors.joining(", "));
  }
}
