package dev.cascade.processor.plan;

import com.palantir.javapoet.TypeName;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.model.ModelSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which rows one restore brings back, as SQL: exactly those one delete operation removed.
 *
 * <p>Every row a delete operation removes carries the operation's marker: the timestamp it wrote
 * into the soft-delete column, or the {@code deletion_id} it wrote into the trash. A child row is
 * part of its parent's operation when its foreign key and its marker both match a parent row
 * being restored: {@code (post_id, deleted_at) IN (SELECT id, deleted_at FROM posts WHERE ...)}.
 * Rows deleted earlier on their own carry another marker and stay deleted.
 */
final class RestoreReach {
  static final String DELETION_ID = "deletion_id";

  /** The marker column of a tree's recursive query. */
  static final String TREE_MARK = "cascade_mark";

  private final CascadeTree tree;
  private final Dialect dialect;
  private final SqlProgram program;
  private final boolean trash;
  private final Map<TypeName, String> conditions = new HashMap<>();
  private final Map<TypeName, String> subtrees = new HashMap<>();

  /**
   * @param trash whether rows come back from trash tables ({@code TRASH}) rather than being
   *     unmarked in place ({@code SOFT})
   */
  RestoreReach(CascadeTree tree, Dialect dialect, SqlProgram program, boolean trash) {
    this.tree = tree;
    this.dialect = dialect;
    this.program = program;
    this.trash = trash;
  }

  String quote(String identifier) {
    return dialect.quote(identifier);
  }

  String key(ModelSpec table) {
    return quote(table.key().orElseThrow().name());
  }

  /** Where the table's deleted rows are: the table itself, or its trash table. */
  String source(ModelSpec table) {
    return quote(trash ? table.trashTable() : table.table());
  }

  /** The column that tells one operation's rows from another's. */
  String marker(ModelSpec table) {
    return quote(trash ? DELETION_ID : table.softDeleteColumn().orElseThrow().name());
  }

  /** The rows of the table's source that this restore brings back, as a named condition. */
  Condition reach(ModelSpec table) {
    String constant = conditions.get(table.type());
    if (constant == null) {
      constant = addReach(table);
      conditions.put(table.type(), constant);
    }
    return Condition.of(SqlText.builder().ref(constant).build());
  }

  /** A subquery of the keys this restore brings back in the table. */
  SqlText keys(ModelSpec table) {
    return SqlText.builder()
        .text("SELECT " + key(table) + " FROM " + source(table) + " WHERE ")
        .append(reach(table).sql())
        .build();
  }

  private String addReach(ModelSpec table) {
    Condition condition;
    String comment;
    if (tree.isRoot(table)) {
      condition = trash ? latestTrashed(table) : Condition.of(marker(table) + " IS NOT NULL AND " + key(table) + " IN (" + Reach.IDS + ")");
      comment =
          trash
              ? "The requested " + table.table() + " in " + table.trashTable() + ", each from its latest delete."
              : "The requested " + table.table() + ", soft-deleted.";
    } else {
      List<Edge> edges = tree.cascadeInto(table);
      Condition own =
          trash
              ? Condition.of("original_table = '" + table.table() + "'")
              : Condition.of(marker(table) + " IS NOT NULL");
      condition = own.and(Condition.anyOf(edges.stream().map(this::sameOperation).toList()));
      comment =
          "The "
              + table.table()
              + " removed by the same operation as their parent ("
              + Reach.describe(edges)
              + ").";
    }
    String name = (trash ? "TRASHED_" : "SOFT_DELETED_") + Reach.constantName(table.table());
    Optional<Edge> self = tree.selfCascade(table);
    if (self.isPresent()) {
      return addSubtree(table, self.get(), name, condition);
    }
    return program.add(name + "_TO_RESTORE", comment, condition.sql());
  }

  /**
   * A tree's rows that come back: its tops (the rows found as above), then every row below them
   * that the same operation removed, through the table's relation to itself.
   */
  private String addSubtree(ModelSpec table, Edge self, String name, Condition tops) {
    String cte = cteName(table);
    String from = source(table);
    // The recursion never re-enters a row it started from; uncorrelated, so evaluated once.
    Condition below = Reach.notAmong(from, key(table), tops);
    if (trash) {
      below = Condition.of("original_table = '" + table.table() + "'").and(below);
    }
    if (self.where().isPresent()) {
      below = below.and(Condition.of("(" + self.where().get() + ")"));
    }
    SqlText subtree =
        SqlText.builder()
            .text("WITH RECURSIVE " + cte + " (" + Reach.TREE_KEY + ", " + TREE_MARK + ", " + Reach.TREE_DEPTH + ")")
            .text(" AS (SELECT " + key(table) + ", " + marker(table) + ", 0 FROM " + from + " WHERE ")
            .append(tops.sql())
            .text(" UNION ALL SELECT " + from + "." + key(table) + ", " + from + "." + marker(table) + ", ")
            .text(Reach.TREE_DEPTH + " + 1 FROM " + from + " JOIN " + cte)
            .text(" ON " + from + "." + quote(self.foreignKey().name()) + " = " + Reach.TREE_KEY)
            .text(" AND " + from + "." + marker(table) + " = " + TREE_MARK + " WHERE ")
            .append(below.sql())
            .text(")")
            .build();
    String subtreeConstant =
        program.add(
            name + "_SUBTREE",
            "The "
                + table.table()
                + " found as their parents' are, and every row below them ("
                + self.describe()
                + ") that the same operation removed, with their depth.",
            subtree);
    subtrees.put(table.type(), subtreeConstant);
    return program.add(
        name + "_TO_RESTORE",
        "The " + table.table() + " this restore brings back, whole subtrees.",
        SqlText.builder()
            .text("(" + key(table) + ", " + marker(table) + ") IN (SELECT " + Reach.TREE_KEY + ", " + TREE_MARK + " FROM (")
            .ref(subtreeConstant)
            .text(" SELECT " + Reach.TREE_KEY + ", " + TREE_MARK + " FROM " + cte + ") AS " + cte + "_keys)")
            .build());
  }

  /**
   * For a tree table: a join that orders copied rows by depth, parents first, as databases that
   * check foreign keys row by row (H2, MySQL, MariaDB) need; empty for any other table.
   */
  SqlText parentsFirstJoin(ModelSpec table) {
    reach(table);
    String subtree = subtrees.get(table.type());
    if (subtree == null) {
      return SqlText.of("");
    }
    String cte = cteName(table);
    String from = source(table);
    return SqlText.builder()
        .text(" JOIN (")
        .ref(subtree)
        .text(" SELECT " + Reach.TREE_KEY + ", " + TREE_MARK + ", " + Reach.TREE_DEPTH + " FROM " + cte + ") AS " + cte + "_order")
        .text(" ON " + from + "." + key(table) + " = " + cte + "_order." + Reach.TREE_KEY)
        .text(" AND " + from + "." + marker(table) + " = " + cte + "_order." + TREE_MARK)
        .build();
  }

  /** The {@code ORDER BY} that goes with {@link #parentsFirstJoin}. */
  String parentsFirstOrder(ModelSpec table) {
    reach(table);
    return subtrees.containsKey(table.type())
        ? " ORDER BY " + cteName(table) + "_order." + Reach.TREE_DEPTH
        : "";
  }

  private String cteName(ModelSpec table) {
    return "cascade_" + table.table() + (trash ? "_trashed" : "_deleted");
  }

  /** {@code (post_id, deleted_at) IN (SELECT id, deleted_at FROM posts WHERE ...)}. */
  private Condition sameOperation(Edge edge) {
    ModelSpec parent = edge.parent();
    Condition in =
        Condition.of(
            SqlText.builder()
                .text(
                    "("
                        + quote(edge.foreignKey().name())
                        + ", "
                        + marker(edge.child())
                        + ") IN (SELECT "
                        + key(parent)
                        + ", "
                        + marker(parent)
                        + " FROM "
                        + source(parent)
                        + " WHERE ")
                .append(reach(parent).sql())
                .text(")")
                .build());
    return edge.where().map(w -> in.and(Condition.of("(" + w + ")"))).orElse(in);
  }

  /**
   * The requested rows of a trash table, each from its latest delete: an id deleted, reused and
   * deleted again is in the trash twice.
   */
  private Condition latestTrashed(ModelSpec table) {
    String time = quote(table.trashTimeColumn());
    String own = "original_table = '" + table.table() + "'";
    return Condition.of(
        own
            + " AND ("
            + key(table)
            + ", "
            + time
            + ") IN (SELECT "
            + key(table)
            + ", MAX("
            + time
            + ") FROM "
            + source(table)
            + " WHERE "
            + own
            + " AND "
            + key(table)
            + " IN ("
            + Reach.IDS
            + ") GROUP BY "
            + key(table)
            + ")");
  }
}
