package dev.cascade.processor.plan;

import com.palantir.javapoet.TypeName;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.model.ModelSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  private final CascadeTree tree;
  private final Dialect dialect;
  private final SqlProgram program;
  private final boolean liveOnly;
  private final Map<TypeName, String> keyConstants = new HashMap<>();

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

  String quote(String identifier) {
    return dialect.quote(identifier);
  }

  /** The table's key column, quoted. */
  String key(ModelSpec table) {
    return quote(table.key().orElseThrow().name());
  }

  /** A subquery of the keys of the table's rows this delete reaches. */
  SqlText keys(ModelSpec table) {
    if (tree.isRoot(table) && !liveOnly) {
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

  /** The rows of a table this delete reaches, through any relation (or as the root). */
  Condition reached(ModelSpec table) {
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
