package dev.cascade.processor.plan;

import com.palantir.javapoet.TypeName;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.model.ModelSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which rows of each table one delete reaches, as SQL: a condition per relation, and a named
 * subquery of keys per table that its children's conditions reuse.
 *
 * <p>The root's rows are {@code key IN (<ids>)}; the runtime binds the ids there. A child's rows
 * are those whose foreign key is in its parent's subquery. Each subquery is evaluated while its
 * table is still whole, because statements run children first.
 */
final class Reach {
  /** Where the runtime binds the root ids. */
  static final String IDS = "<ids>";

  /** Columns of a tree's recursive query, named so they cannot clash with the table's own. */
  static final String TREE_KEY = "cascade_key";

  static final String TREE_DEPTH = "cascade_depth";

  private final CascadeTree tree;
  private final Dialect dialect;
  private final SqlProgram program;
  private final boolean liveOnly;
  private final Map<TypeName, String> keyConstants = new HashMap<>();
  private final Map<TypeName, String> subtrees = new HashMap<>();

  /**
   * @param liveOnly whether only rows not soft-deleted are reached, as a soft delete does
   */
  Reach(CascadeTree tree, Dialect dialect, SqlProgram program, boolean liveOnly) {
    this.tree = tree;
    this.dialect = dialect;
    this.program = program;
    this.liveOnly = liveOnly;
  }

  SqlProgram program() {
    return program;
  }

  Dialect dialect() {
    return dialect;
  }

  String quote(String identifier) {
    return dialect.quote(identifier);
  }

  /** The table's key column, quoted. */
  String key(ModelSpec table) {
    return quote(table.key().orElseThrow().name());
  }

  /** A subquery of the keys of the table's rows this delete reaches. */
  SqlText keys(ModelSpec table) {
    if (tree.isRoot(table) && !liveOnly && tree.selfCascade(table).isEmpty()) {
      return SqlText.of(IDS);
    }
    String constant = keyConstants.get(table.type());
    if (constant == null) {
      constant = addKeysConstant(table);
      keyConstants.put(table.type(), constant);
    }
    return SqlText.builder().ref(constant).build();
  }

  private String addKeysConstant(ModelSpec table) {
    Optional<Edge> self = tree.selfCascade(table);
    if (self.isPresent()) {
      return addSubtreeConstants(table, self.get());
    }
    String select = "SELECT " + key(table) + " FROM " + quote(table.table()) + " WHERE ";
    SqlText.Builder sql = SqlText.builder();
    if (tree.isRoot(table)) {
      sql.text(select).append(reached(table).sql());
    } else {
      List<Edge> edges = tree.cascadeInto(table);
      for (int i = 0; i < edges.size(); i++) {
        sql.text(i == 0 ? select : " UNION " + select).append(livePart(table, through(edges.get(i))).sql());
      }
    }
    String comment =
        tree.isRoot(table)
            ? "Ids of the " + table.table() + " being deleted that are not soft-deleted yet."
            : "Ids of the "
                + table.table()
                + " the cascade reaches ("
                + describe(tree.cascadeInto(table))
                + ").";
    return program.add(
        (liveOnly ? "LIVE_" : "") + constantName(table.table()) + "_IN_CASCADE", comment, sql.build());
  }

  /** The rows of the edge's child that belong to the parent rows this delete reaches. */
  Condition through(Edge edge) {
    Condition in =
        Condition.of(
            SqlText.builder()
                .text(quote(edge.foreignKey().name()) + " IN (")
                .append(keys(edge.parent()))
                .text(")")
                .build());
    return edge.where().map(w -> in.and(Condition.of("(" + w + ")"))).orElse(in);
  }

  /**
   * A tree's rows: those reached from outside it (its tops), and then every row below them,
   * through the table's relation to itself. The recursion never enters a top again, so data
   * that loops ends; each row has one parent, so no other row is reached twice.
   */
  private String addSubtreeConstants(ModelSpec table, Edge self) {
    String name = (liveOnly ? "LIVE_" : "") + constantName(table.table());
    String cte = cteName(table);
    Condition tops = tops(table);
    String from = quote(table.table());
    Condition below = notAmong(table, tops);
    if (liveOnly) {
      below = live(table).and(below);
    }
    if (self.where().isPresent()) {
      below = below.and(Condition.of("(" + self.where().get() + ")"));
    }
    SqlText subtree =
        SqlText.builder()
            .text("WITH RECURSIVE " + cte + " (" + TREE_KEY + ", " + TREE_DEPTH + ") AS (SELECT ")
            .text(key(table) + ", 0 FROM " + from + " WHERE ")
            .append(tops.sql())
            .text(" UNION ALL SELECT " + from + "." + key(table) + ", " + TREE_DEPTH + " + 1 FROM " + from)
            .text(" JOIN " + cte + " ON " + from + "." + quote(self.foreignKey().name()) + " = " + TREE_KEY)
            .text(" WHERE ")
            .append(below.sql())
            .text(")")
            .build();
    String treeConstant =
        program.add(
            name + "_SUBTREE",
            "The "
                + table.table()
                + " the cascade reaches and every row below them ("
                + self.describe()
                + "), with their depth.",
            subtree);
    subtrees.put(table.type(), treeConstant);
    return program.add(
        name + "_IN_CASCADE",
        "Ids of the " + table.table() + " the cascade reaches, whole subtrees.",
        SqlText.builder()
            .text("SELECT " + TREE_KEY + " FROM (")
            .ref(treeConstant)
            .text(" SELECT " + TREE_KEY + " FROM " + cte + ") AS " + cte + "_keys")
            .build());
  }

  /**
   * For a tree table on a database that checks foreign keys row by row and deletes in no set
   * order (MySQL, MariaDB): {@code ORDER BY} depth, deepest first, so no row goes before the rows
   * below it. Depth counts from the rows whose parent is not reached at all, so that reached rows
   * nested in each other (a drive's folders) are ordered too.
   */
  SqlText deepestFirst(ModelSpec table) {
    Edge self = tree.selfCascade(table).orElseThrow();
    String from = quote(table.table());
    String cte = "cascade_" + table.table() + "_depth";
    Condition tops = tops(table);
    Condition outermost =
        tops.and(
            Condition.of(
                SqlText.builder()
                    .text("NOT COALESCE(" + quote(self.foreignKey().name()) + " IN (SELECT " + key(table))
                    .text(" FROM " + from + " WHERE ")
                    .append(tops.sql())
                    .text("), FALSE)")
                    .build()));
    return SqlText.builder()
        .text(" ORDER BY (SELECT " + TREE_DEPTH + " FROM (WITH RECURSIVE " + cte)
        .text(" (" + TREE_KEY + ", " + TREE_DEPTH + ") AS (SELECT " + key(table) + ", 0 FROM " + from + " WHERE ")
        .append(outermost.sql())
        .text(" UNION ALL SELECT " + from + "." + key(table) + ", " + TREE_DEPTH + " + 1 FROM " + from)
        .text(" JOIN " + cte + " ON " + from + "." + quote(self.foreignKey().name()) + " = " + TREE_KEY)
        .text(" WHERE ")
        .append(notAmong(table, outermost).sql())
        .text(") SELECT " + TREE_KEY + ", " + TREE_DEPTH + " FROM " + cte + ") AS " + cte + "s")
        .text(" WHERE " + TREE_KEY + " = " + from + "." + key(table) + ") DESC")
        .build();
  }

  /**
   * {@code folders.id NOT IN (SELECT id FROM folders WHERE ...)}: the recursion never re-enters a
   * row it started from. An uncorrelated subquery, so that databases evaluate it once.
   */
  private Condition notAmong(ModelSpec table, Condition starts) {
    return notAmong(quote(table.table()), key(table), starts);
  }

  /** {@code from.key NOT IN (SELECT key FROM from WHERE starts)}, for any table a tree is read from. */
  static Condition notAmong(String from, String key, Condition starts) {
    return Condition.of(
        SqlText.builder()
            .text(from + "." + key + " NOT IN (SELECT " + key + " FROM " + from + " WHERE ")
            .append(starts.sql())
            .text(")")
            .build());
  }

  boolean isTree(ModelSpec table) {
    return tree.selfCascade(table).isPresent();
  }

  /** The rows of a tree table reached from outside it: by the ids, or through its parents. */
  private Condition tops(ModelSpec table) {
    Condition tops =
        tree.isRoot(table)
            ? Condition.of(key(table) + " IN (" + IDS + ")")
            : Condition.anyOf(tree.cascadeInto(table).stream().map(this::through).toList());
    return liveOnly ? live(table).and(tops) : tops;
  }

  private static String cteName(ModelSpec table) {
    return "cascade_" + table.table() + "_tree";
  }

  /** The rows of a table this delete reaches, through any relation (or as the root). */
  Condition reached(ModelSpec table) {
    if (isTree(table)) {
      return Condition.of(
          SqlText.builder().text(key(table) + " IN (").append(keys(table)).text(")").build());
    }
    Condition reached =
        tree.isRoot(table)
            ? Condition.of(key(table) + " IN (" + IDS + ")")
            : Condition.anyOf(tree.cascadeInto(table).stream().map(this::through).toList());
    return livePart(table, reached);
  }

  /** Under a soft delete, the condition narrowed to rows not soft-deleted yet. */
  Condition livePart(ModelSpec table, Condition condition) {
    return liveOnly ? live(table).and(condition) : condition;
  }

  /** The table's rows that are not soft-deleted. */
  Condition live(ModelSpec table) {
    return Condition.of(quote(table.softDeleteColumn().orElseThrow().name()) + " IS NULL");
  }

  static String describe(List<Edge> edges) {
    return edges.stream().map(Edge::describe).collect(Collectors.joining(", "));
  }

  static String constantName(String identifier) {
    return identifier.toUpperCase(Locale.ROOT);
  }
}
