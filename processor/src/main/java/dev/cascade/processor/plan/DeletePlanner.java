package dev.cascade.processor.plan;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans the statements of one model's deleter: per strategy, the {@code RESTRICT} checks, the
 * steps children first (one statement per relation, never per row), and the preview counts.
 */
public final class DeletePlanner {
  /** The bind parameter of the operation's timestamp. */
  static final String DELETED_AT = ":deletedAt";
  /** The bind parameter of the operation's id, written to the trash. */
  static final String DELETION_ID = ":deletionId";

  private final RelationGraph graph;

  public DeletePlanner(RelationGraph graph) {
    this.graph = graph;
  }

  public DeleterPlan plan(ModelSpec root, Dialect dialect) {
    CascadeTree tree = CascadeTree.of(graph, root);
    SqlProgram program = new SqlProgram();
    Reach reach = new Reach(tree, dialect, program, false);

    String selectRoots =
        program.add(
            "SELECT_" + Reach.constantName(root.table()),
            "Loads the " + root.table() + " being deleted, for event listeners.",
            SqlText.of(
                "SELECT "
                    + columnList(root, reach)
                    + " FROM "
                    + reach.quote(root.table())
                    + " WHERE "
                    + reach.key(root)
                    + " IN ("
                    + Reach.IDS
                    + ")"));

    Map<DeleteStrategy, StrategyPlan> strategies = new EnumMap<>(DeleteStrategy.class);
    List<PlannedCheck> restrictions = restrictions(tree, reach, "");
    List<PlannedCount> counts = counts(tree, reach, "");
    strategies.put(
        DeleteStrategy.PERMANENT,
        new StrategyPlan(restrictions, steps(tree, reach, program, DeleteStrategy.PERMANENT), counts));
    strategies.put(
        DeleteStrategy.TRASH,
        new StrategyPlan(restrictions, steps(tree, reach, program, DeleteStrategy.TRASH), counts));

    Optional<String> softUnsupported = softUnsupported(tree);
    if (softUnsupported.isEmpty()) {
      Reach live = new Reach(tree, dialect, program, true);
      strategies.put(
          DeleteStrategy.SOFT,
          new StrategyPlan(
              restrictions(tree, live, "SOFT_"),
              steps(tree, live, program, DeleteStrategy.SOFT),
              counts(tree, live, "SOFT_")));
    }
    List<SchemaTable> schema = schema(tree);
    return new DeleterPlan(tree, program, selectRoots, strategies, softUnsupported, schema, reservedNames(schema));
  }

  /** Every name of the schema that some dialect reserves, sorted, with those dialects. */
  static Map<String, List<Dialect>> reservedNames(List<SchemaTable> schema) {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    for (SchemaTable table : schema) {
      names.add(table.name());
      table.trashTable().ifPresent(names::add);
      names.add(table.trashTimeColumn());
      table.columns().forEach(c -> names.add(c.name()));
    }
    Map<String, List<Dialect>> reserved = new java.util.LinkedHashMap<>();
    for (String name : names) {
      List<Dialect> dialects = java.util.Arrays.stream(Dialect.values()).filter(d -> d.reserves(name)).toList();
      if (!dialects.isEmpty()) {
        reserved.put(name, dialects);
      }
    }
    return reserved;
  }

  /**
   * The cascade's tables children first, each with all its columns and trash table, then the
   * tables its {@code SET_NULL} and {@code RESTRICT} relations point into, with their foreign key.
   */
  static List<SchemaTable> schema(CascadeTree tree) {
    List<SchemaTable> tables = new ArrayList<>();
    List<ModelSpec> related = new ArrayList<>();
    for (ModelSpec table : tree.childrenFirst()) {
      Set<String> foreignKeys =
          tree.parentsOf(table).stream().map(e -> e.foreignKey().name()).collect(Collectors.toSet());
      List<SchemaTable.SchemaColumn> columns = new ArrayList<>();
      for (ColumnSpec column : table.columns()) {
        SchemaTable.Role role =
            column.key()
                ? SchemaTable.Role.KEY
                : foreignKeys.contains(column.name()) ? SchemaTable.Role.FOREIGN_KEY : SchemaTable.Role.PLAIN;
        columns.add(new SchemaTable.SchemaColumn(column.name(), column.type(), role));
      }
      tables.add(new SchemaTable(table.table(), columns, Optional.of(table.trashTable()), table.trashTimeColumn()));
      for (OnDelete kept : List.of(OnDelete.SET_NULL, OnDelete.RESTRICT)) {
        for (Edge edge : tree.edgesFrom(table, kept)) {
          if (!tree.contains(edge.child()) && !related.contains(edge.child())) {
            related.add(edge.child());
          }
        }
      }
    }
    for (ModelSpec table : related) {
      List<SchemaTable.SchemaColumn> foreignKeys =
          tree.parentsOf(table).stream()
              .filter(e -> tree.contains(e.parent()))
              .map(e -> e.foreignKey())
              .distinct()
              .map(c -> new SchemaTable.SchemaColumn(c.name(), c.type(), SchemaTable.Role.FOREIGN_KEY))
              .toList();
      tables.add(new SchemaTable(table.table(), foreignKeys, Optional.empty(), table.trashTimeColumn()));
    }
    return tables;
  }

  /** Why the cascade cannot be soft-deleted: the first table without a soft-delete column. */
  static Optional<String> softUnsupported(CascadeTree tree) {
    return tree.childrenFirst().stream()
        .filter(m -> m.softDeleteColumn().isEmpty())
        .findFirst()
        .map(
            m ->
                m.table()
                    + " has no soft-delete column "
                    + m.deletable().deletedAt()
                    + " of a time type");
  }

  private static List<PlannedCheck> restrictions(CascadeTree tree, Reach reach, String prefix) {
    List<PlannedCheck> checks = new ArrayList<>();
    for (ModelSpec table : tree.childrenFirst()) {
      for (Edge edge : tree.edgesFrom(table, OnDelete.RESTRICT)) {
        Condition blocking = outsideCascade(tree, reach, edge);
        if (!prefix.isEmpty() && edge.child().softDeleteColumn().isPresent()) {
          blocking = reach.live(edge.child()).and(blocking);
        }
        String constant =
            reach
                .program()
                .add(
                    prefix + "RESTRICT_" + name(edge.child()) + "_" + name(edge.foreignKey()),
                    "Counts the "
                        + edge.child().table()
                        + " rows that block the delete: "
                        + edge.describe()
                        + " is RESTRICT.",
                    count(reach, edge.child(), blocking));
        checks.add(
            new PlannedCheck(
                edge.child().table(), edge.foreignKey().name(), table.table(), constant));
      }
    }
    return checks;
  }

  private static List<PlannedStep> steps(
      CascadeTree tree, Reach reach, SqlProgram program, DeleteStrategy strategy) {
    List<PlannedStep> steps = new ArrayList<>();
    for (ModelSpec table : tree.childrenFirst()) {
      if (strategy != DeleteStrategy.SOFT) {
        for (Edge edge : tree.edgesFrom(table, OnDelete.SET_NULL)) {
          steps.add(nullify(reach, program, edge));
        }
      }
      String quoted = reach.quote(table.table());
      for (Reached part : parts(tree, reach, table)) {
        if (strategy == DeleteStrategy.TRASH) {
          steps.add(
              new PlannedStep(
                  StepKind.COPY,
                  table.table(),
                  null,
                  program.add(
                      "COPY_" + part.name(),
                      "Copies " + part.what() + " into " + table.trashTable() + ".",
                      SqlText.builder()
                          .text(copyInto(table, reach))
                          .append(part.condition().sql())
                          .build()),
                  part.root()));
        }
        if (strategy == DeleteStrategy.SOFT) {
          String column = reach.quote(table.softDeleteColumn().orElseThrow().name());
          steps.add(
              new PlannedStep(
                  StepKind.MARK,
                  table.table(),
                  null,
                  program.add(
                      "MARK_" + part.name(),
                      "Soft-deletes " + part.what() + ".",
                      SqlText.builder()
                          .text("UPDATE " + quoted + " SET " + column + " = " + DELETED_AT + " WHERE ")
                          .append(part.condition().sql())
                          .build()),
                  part.root()));
        } else {
          steps.add(
              new PlannedStep(
                  StepKind.DELETE,
                  table.table(),
                  null,
                  program.add(
                      "DELETE_" + part.name(),
                      "Deletes " + part.what() + ".",
                      deleteStatement(reach, table, part.condition())),
                  part.root()));
        }
      }
    }
    return steps;
  }

  /**
   * The rows of a table a delete reaches, split by relation: each relation gets its own
   * statement, so that each can use its foreign-key index. A row reached twice is gone (or
   * marked) by the time the second statement runs.
   */
  private static List<Reached> parts(CascadeTree tree, Reach reach, ModelSpec table) {
    String base = name(table);
    if (reach.isTree(table)) {
      return List.of(
          new Reached(
              base,
              tree.isRoot(table)
                  ? "the " + table.table() + " themselves and every row below them"
                  : "the " + table.table() + " the cascade reaches and every row below them",
              reach.reached(table),
              tree.isRoot(table)));
    }
    if (tree.isRoot(table)) {
      return List.of(
          new Reached(base, "the " + table.table() + " themselves", reach.reached(table), true));
    }
    List<Edge> edges = tree.cascadeInto(table);
    boolean repeatedColumn =
        edges.stream().map(e -> e.foreignKey().name()).distinct().count() < edges.size();
    List<Reached> parts = new ArrayList<>();
    for (Edge edge : edges) {
      String suffix =
          edges.size() == 1
              ? ""
              : "_BY_" + (repeatedColumn ? name(edge.parent()) + "_" : "") + name(edge.foreignKey());
      parts.add(
          new Reached(
              base + suffix,
              "the " + table.table() + " through " + edge.describe(),
              reach.livePart(table, reach.through(edge)),
              false));
    }
    return parts;
  }

  /**
   * {@code DELETE FROM posts WHERE ...}. MySQL and MariaDB check foreign keys row by row, so a
   * tree's rows go deepest first there.
   */
  private static SqlText deleteStatement(Reach reach, ModelSpec table, Condition condition) {
    SqlText.Builder sql =
        SqlText.builder()
            .text("DELETE FROM " + reach.quote(table.table()) + " WHERE ")
            .append(condition.sql());
    if (reach.isTree(table) && reach.dialect() == Dialect.MYSQL) {
      sql.append(reach.deepestFirst(table));
    }
    return sql.build();
  }

  private record Reached(String name, String what, Condition condition, boolean root) {}

  private static PlannedStep nullify(Reach reach, SqlProgram program, Edge edge) {
    String column = reach.quote(edge.foreignKey().name());
    String constant =
        program.add(
            "NULLIFY_" + name(edge.child()) + "_" + name(edge.foreignKey()),
            "Unlinks the " + edge.child().table() + " rows: " + edge.describe() + " is SET_NULL.",
            SqlText.builder()
                .text("UPDATE " + reach.quote(edge.child().table()) + " SET " + column + " = NULL WHERE ")
                .append(reach.through(edge).sql())
                .build());
    return new PlannedStep(
        StepKind.NULLIFY, edge.child().table(), edge.foreignKey().name(), constant, false);
  }

  private static List<PlannedCount> counts(CascadeTree tree, Reach reach, String prefix) {
    List<PlannedCount> counts = new ArrayList<>();
    for (ModelSpec table : tree.childrenFirst()) {
      if (prefix.isEmpty()) {
        for (Edge edge : tree.edgesFrom(table, OnDelete.SET_NULL)) {
          counts.add(
              new PlannedCount(
                  true,
                  edge.child().table(),
                  reach
                      .program()
                      .add(
                          "COUNT_NULLIFY_" + name(edge.child()) + "_" + name(edge.foreignKey()),
                          "Counts the " + edge.child().table() + " rows a delete would unlink, for preview.",
                          count(reach, edge.child(), outsideCascade(tree, reach, edge)))));
        }
      }
      counts.add(
          new PlannedCount(
              false,
              table.table(),
              reach
                  .program()
                  .add(
                      prefix + "COUNT_" + name(table),
                      "Counts the " + table.table() + " a delete would remove, for preview.",
                      count(reach, table, reach.reached(table)))));
    }
    return counts;
  }

  /**
   * The child rows of an edge that point into the cascade without being part of it: these are
   * the rows a {@code RESTRICT} relation protects and a {@code SET_NULL} relation unlinks.
   */
  private static Condition outsideCascade(CascadeTree tree, Reach reach, Edge edge) {
    Condition pointing = reach.through(edge);
    return tree.contains(edge.child())
        ? pointing.and(reach.reached(edge.child()).negated())
        : pointing;
  }

  private static SqlText count(Reach reach, ModelSpec table, Condition condition) {
    return SqlText.builder()
        .text("SELECT COUNT(*) FROM " + reach.quote(table.table()) + " WHERE ")
        .append(condition.sql())
        .build();
  }

  /**
   * {@code INSERT INTO posts_trash (id, ..., deleted_at, original_table, deletion_id) SELECT id,
   * ..., :deletedAt, 'posts', :deletionId FROM posts WHERE }.
   */
  private static String copyInto(ModelSpec table, Reach reach) {
    String columns = columnList(table, reach);
    return "INSERT INTO "
        + reach.quote(table.trashTable())
        + " ("
        + columns
        + ", "
        + reach.quote(table.trashTimeColumn())
        + ", original_table, deletion_id) SELECT "
        + columns
        + ", "
        + DELETED_AT
        + ", '"
        + table.table()
        + "', "
        + DELETION_ID
        + " FROM "
        + reach.quote(table.table())
        + " WHERE ";
  }

  static String columnList(ModelSpec table, Reach reach) {
    return columnList(table, reach::quote);
  }

  static String columnList(ModelSpec table, Dialect dialect) {
    return columnList(table, dialect::quote);
  }

  /** {@code id, user_id, title}: every column of the model, in component order. */
  static String columnList(ModelSpec table, java.util.function.UnaryOperator<String> quote) {
    return table.columns().stream().map(ColumnSpec::name).map(quote).collect(Collectors.joining(", "));
  }

  private static String name(ModelSpec table) {
    return Reach.constantName(table.table());
  }

  private static String name(ColumnSpec column) {
    return Reach.constantName(column.name());
  }
}
