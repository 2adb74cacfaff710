package dev.cascade.processor.plan;

import com.palantir.javapoet.TypeName;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.WhereCondition;
import dev.cascade.processor.read.WhereParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows one operation reaches, table by table, in one {@link Source}: the vocabulary that the
 * delete and restore planners compose.
 *
 * <p>The roots are the rows the call names ({@code <ids>}) that exist in the source. A child's rows
 * are reached through a relation: its foreign key holds the key of a parent row reached, and, in a
 * marked source, it carries the same marker as that parent ({@code (post_id, deleted_at) IN (SELECT
 * id, deleted_at ...)}), so that rows another operation removed stay where they are. A tree's rows
 * are its tops (reached from outside it) and every row below them through the table's relation to
 * itself, found with one recursive query.
 *
 * <p>Each table's reached keys are a named subquery its children reuse. Where a recursive query
 * is involved, and in the soft-deleted source, the subqueries are joins rather than nested {@code
 * IN}s, and {@link #link} offers the join too: H2 runs an {@code IN} over a recursive query, or
 * over a table the transaction has locked rows of, once per row it checks, but a join in {@code
 * FROM} or a {@code MERGE}'s {@code USING} once.
 */
final class Reach {
  /** What the union of the keys reached through several relations is called. */
  private static final String UNION_ALIAS = "cascade_reached";

  /** What the reached keys are called in a check that a row is not among them. */
  private static final String NOT_REACHED_ALIAS = "cascade_reached_keys";

  private final CascadeTree tree;
  private final Source source;
  private final Program program;
  private final Quoting quoting;
  private final Map<TypeName, String> keys = new HashMap<>();
  private final Map<TypeName, String> subtrees = new HashMap<>();
  private final Map<TypeName, Boolean> recursive = new HashMap<>();

  Reach(CascadeTree tree, Source source, Program program, Quoting quoting) {
    this.tree = tree;
    this.source = source;
    this.program = program;
    this.quoting = quoting;
  }

  CascadeTree tree() {
    return tree;
  }

  Source source() {
    return source;
  }

  String name(String identifier) {
    return quoting.name(identifier);
  }

  /** Where the table's rows are in this source: the table, or its trash table. */
  String from(ModelSpec table) {
    return name(source == Source.TRASHED ? TrashTable.of(table).name() : table.table());
  }

  String key(ModelSpec table) {
    return name(table.key().orElseThrow().name());
  }

  /** The column that tells one operation's rows from another's, in a marked source. */
  Optional<String> marker(ModelSpec table) {
    return switch (source) {
      case LIVE, NOT_DELETED -> Optional.empty();
      case SOFT_DELETED -> Optional.of(name(table.softDeleteColumn().orElseThrow().name()));
      case TRASHED -> Optional.of(name(Protocol.DELETION_ID));
    };
  }

  /** The key, and the marker in a marked source: the columns of the table's fragment of keys. */
  String keyColumns(ModelSpec table) {
    return key(table) + marker(table).map(m -> ", " + m).orElse("");
  }

  /** {@code id}, or {@code (id, deleted_at)} in a marked source: what its fragment of keys is compared with. */
  String keyTuple(ModelSpec table) {
    return marker(table).map(m -> "(" + key(table) + ", " + m + ")").orElse(key(table));
  }

  /** The source's own condition on a table's rows, its columns qualified by {@code qualifier}. */
  Optional<Condition> own(ModelSpec table, Optional<String> qualifier) {
    String q = qualifier.map(t -> t + ".").orElse("");
    return switch (source) {
      case LIVE -> Optional.empty();
      case NOT_DELETED ->
          table.softDeleteColumn().map(c -> Condition.of(q + name(c.name()) + " IS NULL"));
      case SOFT_DELETED ->
          Optional.of(
              Condition.of(q + name(table.softDeleteColumn().orElseThrow().name()) + " IN (" + Protocol.MARKERS + ")"));
      case TRASHED ->
          Optional.of(
              Condition.of(
                  q + name(Protocol.ORIGINAL_TABLE) + " = '" + table.table() + "' AND " + q
                      + name(Protocol.DELETION_ID) + " IN (" + Protocol.MARKERS + ")"));
    };
  }

  /**
   * The rows of the root table the call names, as they are in this source; in the trash, each
   * key's copy from its latest delete (a key reused and trashed again is there twice).
   */
  Condition roots(ModelSpec table) {
    Optional<Edge> self = tree.selfCascade(table);
    if (self.isPresent() && source == Source.TRASHED) {
      return namedRoots(table).andWholeOnly(Condition.of("NOT " + belowItsOperation(table, self.get())));
    }
    return namedRoots(table);
  }

  /** Every row the call names, as in {@link #roots}, a tree's nested ones too: for the records listeners get. */
  Condition namedRoots(ModelSpec table) {
    Condition named = named(table);
    if (tree.selfCascade(table).isPresent()) {
      // A tree's roots stay the named ones: the rows below them are copies in the same table.
      return own(table, Optional.empty()).map(o -> o.and(named)).orElse(named);
    }
    return narrowed(table, Optional.empty(), named);
  }

  /** The rows the call names, in the trash each key's latest copy. */
  private Condition named(ModelSpec table) {
    if (source != Source.TRASHED) {
      return Condition.of(key(table) + " IN (" + Protocol.IDS + ")");
    }
    String time = name(TrashTable.of(table).timeColumn());
    return Condition.of(
        "(" + key(table) + ", " + time + ") IN (SELECT " + key(table) + ", MAX(" + time + ") FROM " + from(table)
            + " WHERE " + name(Protocol.ORIGINAL_TABLE) + " = '" + table.table() + "' AND " + key(table) + " IN ("
            + Protocol.IDS + ") GROUP BY " + key(table) + ")");
  }

  /**
   * The trashed rows of a tree's root table the call names that hang below another row their
   * operation trashed. Restoring whole operations ({@code destroyAll} of a folder and one inside
   * it, then {@code restoreOperation}), these are not roots ({@link #roots}): each comes back with
   * the rows between it and the outer one, below them, as foreign keys need.
   */
  Optional<Condition> namedBelowTheirOperation(ModelSpec table) {
    Optional<Edge> self = tree.selfCascade(table);
    if (source != Source.TRASHED || self.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(namedRoots(table).and(Condition.of(belowItsOperation(table, self.get()))));
  }

  /** {@code EXISTS}: the trashed tree row's parent went to the trash with it, in its operation. */
  private String belowItsOperation(ModelSpec table, Edge self) {
    String t = from(table);
    String above = "cascade_above";
    return "EXISTS (SELECT 1 FROM " + t + " AS " + above + " WHERE " + above + "." + key(table) + " = " + t + "."
        + name(self.foreignKey().name()) + " AND " + above + "." + name(Protocol.DELETION_ID) + " = " + t + "."
        + name(Protocol.DELETION_ID) + " AND " + above + "." + name(Protocol.ORIGINAL_TABLE) + " = '" + table.table()
        + "')";
  }

  /**
   * The source's own condition on a table's rows and a narrowing condition. In the trash, the
   * narrowing is a part a restore of whole operations leaves out ({@link Protocol#ONLY_NAMED}):
   * every row a restored operation trashed then comes back, found by {@code deletion_id} alone. A
   * tree's tops below the root are then every row of the operation, and none is below them: its
   * recursive step is left out too ({@link #subtree}).
   */
  private Condition narrowed(ModelSpec table, Optional<String> qualifier, Condition narrowing) {
    Optional<Condition> own = own(table, qualifier);
    if (own.isEmpty()) {
      return narrowing;
    }
    return source == Source.TRASHED ? own.get().andOnlyNamed(narrowing) : own.get().and(narrowing);
  }

  /** Whether reaching the table's rows involves a tree's recursive query, its own or above it. */
  boolean recursive(ModelSpec table) {
    Boolean known = recursive.get(table.type());
    if (known == null) {
      known =
          tree.selfCascade(table).isPresent()
              || (!tree.isRoot(table) && tree.cascadeInto(table).stream().anyMatch(e -> recursive(e.parent())));
      recursive.put(table.type(), known);
    }
    return known;
  }

  /**
   * A subquery of the keys (and markers) of the table's rows this operation reaches, named, with
   * the table's own column names; children reach their rows through it.
   */
  SqlText keys(ModelSpec table) {
    String constant = keys.get(table.type());
    if (constant == null) {
      constant = addKeys(table);
      keys.put(table.type(), constant);
    }
    return SqlText.builder().ref(constant).build();
  }

  /**
   * The name of a query with one row per row of the table this operation reaches: its {@link
   * #keys} where it has a key (added when not yet there), else a select of its rows. A preview
   * counts it.
   */
  String rowsConstant(ModelSpec table) {
    if (table.key().isPresent()) {
      keys(table);
      return keys.get(table.type());
    }
    return program.add(
        source.prefixed(table.table()) + "_ROWS",
        "The " + table.table() + " " + reached(table) + markerPhrase() + ", one row each.",
        joinedBelowTree(table)
            .map(link -> SqlText.builder().text("SELECT 1").append(Shapes.fromLink(this, link)).build())
            .orElseGet(() -> SqlText.builder().text("SELECT 1 FROM " + from(table) + " WHERE ").append(rows(table).sql()).build()));
  }

  /**
   * For a table without a key reached through one relation below a tree, outside the trash, the
   * link that reads its rows as a join to the parent's keys, as a keyed table's are: H2 ran the
   * tree's recursive query of an {@code IN} again for every row it looked at (trial 25: a preview of
   * a project's 6,000 watchers took 103 s, its restore's 144 s, where the delete took 0.2 s).
   */
  Optional<Link> joinedBelowTree(ModelSpec table) {
    List<Edge> edges = tree.cascadeInto(table);
    if (table.key().isPresent() || source == Source.TRASHED || edges.size() != 1) {
      return Optional.empty();
    }
    Link link = link(table, Optional.of(edges.get(0)));
    return link.recursive() && link.join().isPresent() ? Optional.of(link) : Optional.empty();
  }

  private String addKeys(ModelSpec table) {
    String name = source.constantName(table.table());
    if (tree.selfCascade(table).isPresent()) {
      return program.add(
          name,
          "Keys of the " + table.table() + " " + reached(table) + ", whole subtrees" + markerPhrase() + ".",
          treeKeys(table, false));
    }
    String select = "SELECT " + keyColumns(table) + " FROM " + from(table) + " WHERE ";
    if (tree.isRoot(table)) {
      return program.add(
          name,
          "Keys of the " + table.table() + " the call names" + rootPhrase() + ".",
          SqlText.builder().text(select).append(roots(table).sql()).build());
    }
    SqlText.Builder sql = SqlText.builder();
    List<Edge> edges = tree.cascadeInto(table);
    // Reached through several relations: a select over their UNION, not the UNION itself. H2 never
    // keeps the result of a UNION, so an IN over one runs it again for every row it checks (a
    // preview of 6,101 rows took 1.5 s, a restore minutes); it keeps a plain select's.
    boolean union = edges.size() > 1;
    if (union) {
      sql.text("SELECT " + keyColumns(table) + " FROM (");
    }
    for (int i = 0; i < edges.size(); i++) {
      sql.text(i == 0 ? "" : " UNION ").append(keysThrough(edges.get(i)));
    }
    if (union) {
      sql.text(") AS " + UNION_ALIAS);
    }
    return program.add(
        name,
        "Keys of the " + table.table() + " " + reached(table) + " (" + Naming.describe(edges) + ")"
            + markerPhrase() + ".",
        sql.build());
  }

  /**
   * The keys of the edge's child rows reached through it: a nested {@code IN}, or a join below a
   * tree and in the soft-deleted source. A soft restore locks its roots before it changes anything,
   * and H2 keeps no result of a subquery over a table the transaction has locked rows of: an
   * {@code IN} in a {@code MERGE}'s source then runs once per row it checks, each of those once per
   * row of its own (a restore of 6,101 rows ran for minutes). A join runs each source once.
   */
  private SqlText keysThrough(Edge edge) {
    ModelSpec child = edge.child();
    if (!recursive(edge.parent()) && source != Source.SOFT_DELETED) {
      return SqlText.builder()
          .text("SELECT " + keyColumns(child) + " FROM " + from(child) + " WHERE ")
          .append(through(edge).sql())
          .build();
    }
    String t = from(child);
    Join join = join(edge);
    SqlText.Builder sql =
        SqlText.builder()
            .text("SELECT " + t + "." + key(child) + marker(child).map(m -> ", " + t + "." + m).orElse(""))
            .append(join.from(t));
    join.filter().ifPresent(f -> sql.text(" WHERE ").append(f.sql()));
    return sql.build();
  }

  /**
   * The rows of the edge's child reached through it, as a condition on the child's source:
   * {@code post_id IN (...)}, with the marker where the source has one, and the relation's {@code
   * where}.
   */
  Condition through(Edge edge) {
    return through(edge, Optional.empty());
  }

  /** {@link #through(Edge)}, its columns qualified by {@code qualifier}. */
  private Condition through(Edge edge, Optional<String> qualifier) {
    ModelSpec child = edge.child();
    String q = qualifier.map(t -> t + ".").orElse("");
    String fk = q + name(edge.foreignKey().name());
    Condition in =
        Condition.of(
            SqlText.builder()
                .text(marker(child).map(m -> "(" + fk + ", " + q + m + ")").orElse(fk) + " IN (")
                .append(keys(edge.parent()))
                .text(")")
                .build());
    Condition narrowing = where(edge, qualifier).map(in::and).orElse(in);
    return narrowed(child, qualifier, narrowing);
  }

  /**
   * Every row of the table this delete reaches, as a condition on the row's own columns qualified
   * by {@code t}, which reads no row of its table: the named keys, or the relations' {@link
   * #through} joined by {@code OR}. For H2, which runs a subquery of a table that the statement
   * locks or changes again for every row it looks at: a newcomer's helpdesk trial, whose tickets
   * were reached through their organization and their tenant and merged into one another, waited
   * minutes for the trash copy ({@code FOR UPDATE}) and the unlinking of 20,000 tickets, where the
   * rows were {@code id IN} their keys' {@code UNION}. Empty where there is none: a marked source,
   * a tree, and rows below a tree (H2 must not read its recursive query through {@code IN}).
   */
  Optional<Condition> rowsByOwnColumns(ModelSpec table, String t) {
    if (source.marked() || tree.selfCascade(table).isPresent()) {
      return Optional.empty();
    }
    if (tree.isRoot(table)) {
      return Optional.of(narrowed(table, Optional.of(t), Condition.of(t + "." + key(table) + " IN (" + Protocol.IDS + ")")));
    }
    List<Edge> edges = tree.cascadeInto(table);
    if (edges.stream().anyMatch(e -> recursive(e.parent()))) {
      return Optional.empty();
    }
    return Optional.of(Condition.anyOf(edges.stream().map(e -> through(e, Optional.of(t))).toList()));
  }

  /**
   * {@link #through} as H2 reads it for a tree's tops in a soft restore: an {@code EXISTS} that
   * looks the row's parent up among the parent's keys. H2 runs {@code (fk, marker) IN (keys)} again
   * for every row it looks at once the transaction has locked rows of a table the keys' query reads,
   * as a soft restore has its roots when it unmarks: a newcomer's trial's soft restore of a
   * workspace of 40,003 rows, its tasks a tree below its deals, took 218 s, all but 3 s of it in the
   * statement that unmarks the tasks below their tops.
   */
  private Condition existsThrough(Edge edge, String t) {
    ModelSpec child = edge.child();
    Condition exists = ancestry(edge, t).orElseGet(() -> existsAmongKeys(edge, t));
    Condition narrowing = where(edge, Optional.of(t)).map(exists::and).orElse(exists);
    return narrowed(child, Optional.of(t), narrowing);
  }

  /** {@code EXISTS} over the parent's {@link #keys}: the row's parent among them. */
  private Condition existsAmongKeys(Edge edge, String t) {
    ModelSpec parent = edge.parent();
    String keys = "cascade_parent_keys";
    String on =
        keys + "." + key(parent) + " = " + t + "." + name(edge.foreignKey().name())
            + marker(edge.child()).map(m -> " AND " + keys + "." + marker(parent).orElseThrow() + " = " + t + "." + m).orElse("");
    return Condition.of(
        SqlText.builder()
            .text("EXISTS (SELECT 1 FROM (")
            .append(keys(parent))
            .text(") AS " + keys + " WHERE " + on + ")")
            .build());
  }

  /**
   * {@link #existsAmongKeys} as a walk up from the row to a root the call names, each parent looked
   * up by its key with the row's marker, where every table between the edge's parent and the root
   * is reached through one relation and none is a tree: {@code EXISTS (SELECT 1 FROM cards AS
   * cascade_up_0 JOIN lists AS cascade_up_1 ON ... WHERE cascade_up_0.id = comments.card_id AND
   * ... AND cascade_up_1.board_id IN (<ids>))}. H2 prepares a nested derived table again for each
   * way it may be read and runs it for every row it checks: the parent check of a newcomer's kanban
   * board of 11,500 rows took 1.4 s of a 2.9 s soft restore. Empty where the walk has no single way.
   */
  private Optional<Condition> ancestry(Edge edge, String t) {
    // The row's marker, carried up the walk, stands for each parent's own condition in the
    // soft-deleted source; no other source has one that does.
    if (source != Source.SOFT_DELETED || recursive(edge.parent())) {
      return Optional.empty();
    }
    List<Edge> up = new ArrayList<>();
    up.add(edge);
    ModelSpec top = edge.parent();
    while (!tree.isRoot(top)) {
      List<Edge> into = tree.cascadeInto(top);
      if (into.size() != 1) {
        return Optional.empty();
      }
      up.add(into.get(0));
      top = into.get(0).parent();
    }
    String below = "cascade_up_0";
    StringBuilder from = new StringBuilder(from(edge.parent()) + " AS " + below);
    Condition where = parentOf(edge, t, below);
    // The named keys are compared with the foreign key that points at the root, not the root's key:
    // beside the root's key equal to that column, H2 looks up every named key in the index for
    // every row it checks (5.6 s for 18,000 rows and 200 named keys, 23 ms this way).
    String toRoot = t + "." + name(edge.foreignKey().name());
    for (int i = 1; i < up.size(); i++) {
      Edge step = up.get(i);
      String alias = "cascade_up_" + i;
      Condition on = parentOf(step, below, alias);
      Condition joined = where(step, Optional.of(below)).map(on::and).orElse(on);
      from.append(" JOIN " + from(step.parent()) + " AS " + alias + " ON ").append(joined.sql().literal());
      toRoot = below + "." + name(step.foreignKey().name());
      below = alias;
    }
    Condition named = Condition.of(toRoot + " IN (" + Protocol.IDS + ")");
    where = where.and(own(top, Optional.of(below)).map(o -> o.and(named)).orElse(named));
    return Optional.of(
        Condition.of(SqlText.builder().text("EXISTS (SELECT 1 FROM " + from + " WHERE ").append(where.sql()).text(")").build()));
  }

  /** The edge's parent row, as {@code parent}, of its child row, as {@code child}: by key, with the same marker. */
  private Condition parentOf(Edge edge, String child, String parent) {
    return Condition.of(
        parent + "." + key(edge.parent()) + " = " + child + "." + name(edge.foreignKey().name())
            + marker(edge.child()).map(m -> " AND " + parent + "." + marker(edge.parent()).orElseThrow() + " = " + child + "." + m)
                .orElse(""));
  }

  /**
   * The same rows as a join of the parent's keys with the child's source, for H2's {@code MERGE}
   * and for queries where a recursive query is involved. Columns are qualified by the source's
   * name, and the parent's keys are {@link Join#ALIAS}.
   */
  Join join(Edge edge) {
    ModelSpec child = edge.child();
    ModelSpec parent = edge.parent();
    String t = from(child);
    String on =
        t + "." + name(edge.foreignKey().name()) + " = " + Join.ALIAS + "." + key(parent)
            + marker(child).map(m -> " AND " + t + "." + m + " = " + Join.ALIAS + "." + marker(parent).orElseThrow())
                .orElse("");
    Condition onCondition = Condition.of(on);
    Optional<Condition> where = where(edge, Optional.of(t));
    if (where.isPresent()) {
      onCondition = onCondition.and(where.get());
    }
    // A trash table's indexes are Cascade's own: none leads with the where's column.
    return new Join(keys(parent), onCondition.sql(), own(child, Optional.of(t)), where.isPresent() && source != Source.TRASHED);
  }

  /**
   * The trash table joined to each named key's latest copy in it, for a {@code FROM}: a join, not an
   * {@code IN} over the table, because H2 runs a subquery of a table this transaction changed again
   * for every row it looks at (a restore of one root of a {@code destroyAll} of 1,025 read the
   * other 1,024 so in 7.8 s, a newcomer's shop).
   */
  String latestNamedCopies(ModelSpec table) {
    String t = from(table);
    String time = name(TrashTable.of(table).timeColumn());
    String named = "cascade_named";
    return "(SELECT " + key(table) + ", MAX(" + time + ") AS cascade_latest FROM " + t + " WHERE " + name(Protocol.ORIGINAL_TABLE)
        + " = '" + table.table() + "' AND " + key(table) + " IN (" + Protocol.IDS + ") GROUP BY " + key(table) + ") AS " + named
        + " JOIN " + t + " ON " + t + "." + key(table) + " = " + named + "." + key(table) + " AND " + t + "." + time + " = " + named
        + ".cascade_latest";
  }

  /** The rows of one relation, or the roots: what one statement changes, with its join where needed. */
  Link link(ModelSpec table, Optional<Edge> edge) {
    if (edge.isEmpty()) {
      // In the trash the roots are found through their own table (each key's latest copy): a
      // statement that changes that table gets the join, which H2 runs as a MERGE.
      Optional<Join> byKey = Optional.empty();
      if (source == Source.TRASHED) {
        String t = from(table);
        String m = marker(table).orElseThrow();
        SqlText rootKeys =
            SqlText.builder()
                .text("SELECT " + t + "." + key(table) + ", " + t + "." + m + " FROM " + latestNamedCopies(table) + " WHERE ")
                .append(own(table, Optional.of(t)).orElseThrow().sql())
                .build();
        byKey =
            Optional.of(
                new Join(
                    rootKeys,
                    SqlText.of(t + "." + key(table) + " = " + Join.ALIAS + "." + key(table) + " AND " + t + "." + m + " = "
                        + Join.ALIAS + "." + m),
                    Optional.empty()));
      }
      return new Link(table, edge, "the " + table.table() + " themselves", roots(table), byKey, false);
    }
    Edge e = edge.get();
    return new Link(
        table, edge, "the " + table.table() + " through " + e.describe(), through(e), Optional.of(join(e)), recursive(e.parent()));
  }

  /**
   * The keys of the edge's child rows that point into this operation's rows through it but that it
   * does not reach itself: those a {@code SET_NULL} relation unlinks and a {@code RESTRICT} one
   * protects. For H2, where those rows are found through a recursive query: the rows through the
   * relation, joined to the parent's keys, {@code EXCEPT} the child's keys, so that H2 runs each
   * query once; {@code NOT (id IN (...))} runs it once per row (a newcomer's Q&A trial, its reply
   * trees quoting one another: a preview of 5,066 comments took 18.7 s).
   */
  SqlText outsideKeys(Edge edge) {
    ModelSpec child = edge.child();
    String t = from(child);
    Join join = join(edge);
    SqlText.Builder sql = SqlText.builder().text("SELECT " + t + "." + key(child)).append(join.from(t));
    join.filter().ifPresent(f -> sql.text(" WHERE ").append(f.sql()));
    return sql.text(" EXCEPT SELECT " + key(child) + " FROM (").append(keys(child)).text(") AS cascade_reached").build();
  }

  /** The links of every relation through which the cascade reaches a table, or the roots. */
  List<Link> links(ModelSpec table) {
    if (tree.isRoot(table)) {
      return List.of(link(table, Optional.empty()));
    }
    List<Link> links = new ArrayList<>();
    for (Edge edge : tree.cascadeInto(table)) {
      links.add(link(table, Optional.of(edge)));
    }
    return links;
  }

  /**
   * Every row of the table this operation reaches, as a condition on its source: for queries that
   * must see each row once, such as counts and copies.
   */
  Condition rows(ModelSpec table) {
    if (tree.isRoot(table) && tree.selfCascade(table).isEmpty()) {
      return roots(table);
    }
    if (table.key().isEmpty()) {
      return Condition.anyOf(tree.cascadeInto(table).stream().map(this::through).toList());
    }
    List<Edge> edges = tree.cascadeInto(table);
    if (tree.selfCascade(table).isEmpty() && edges.size() == 1 && !recursive(edges.get(0).parent())) {
      return through(edges.get(0));
    }
    Condition byKey = Condition.of(SqlText.builder().text(keyTuple(table) + " IN (").append(keys(table)).text(")").build());
    return source == Source.TRASHED ? narrowed(table, Optional.empty(), byKey) : byKey;
  }

  /**
   * The rows of the table this operation does not reach, as {@code NOT EXISTS} over its reached
   * keys: the same rows as {@code rows(table).negated()}, which PostgreSQL runs as a subquery per
   * row once it expects the keys to be many, where it turns this into a hash anti-join. Empty
   * where the rows are not found through a query of keys: the roots, a table without a key, and a
   * marked source.
   */
  Optional<Condition> notReached(ModelSpec table) {
    if (table.key().isEmpty() || marker(table).isPresent() || (tree.isRoot(table) && tree.selfCascade(table).isEmpty())) {
      return Optional.empty();
    }
    String key = key(table);
    return Optional.of(
        Condition.of(
            SqlText.builder()
                .text("NOT EXISTS (SELECT 1 FROM (")
                .append(keys(table))
                .text(") AS " + NOT_REACHED_ALIAS + " WHERE " + NOT_REACHED_ALIAS + "." + key + " = " + from(table) + "." + key + ")")
                .build()));
  }

  /**
   * Each row of a table without a key that this operation reaches, once, for PostgreSQL: the
   * union of the rows' positions ({@code tableoid, ctid}: a position is only unique within one
   * partition) through each relation. The same rows as {@link #rows}'s {@code OR}, which
   * PostgreSQL runs as subqueries per row once it expects the keys to be many; each part of the
   * union is a hash semi-join.
   */
  SqlText positionsReached(ModelSpec table) {
    SqlText.Builder union = SqlText.builder();
    List<Edge> edges = tree.cascadeInto(table);
    for (int i = 0; i < edges.size(); i++) {
      union.text((i == 0 ? "" : " UNION ") + "SELECT tableoid, ctid FROM " + from(table) + " WHERE ")
          .append(through(edges.get(i)).sql());
    }
    return union.build();
  }

  /**
   * Each row of a table without a key that this operation reaches, once, for H2: the union of the
   * rows' {@code _ROWID_}s through each relation, each joined to its parent's keys. H2 runs {@link
   * #rows}'s {@code OR} of two {@code IN}s as both subqueries for every row of the table, and a
   * recursive one anew each time: a newcomer's helpdesk trial waited 33 s for the count of a
   * join table reached through its tickets' tree and its tags, in a preview of a delete that took 1 s.
   */
  SqlText rowIdsReached(ModelSpec table) {
    SqlText.Builder union = SqlText.builder();
    String t = from(table);
    List<Edge> edges = tree.cascadeInto(table);
    for (int i = 0; i < edges.size(); i++) {
      Join join = join(edges.get(i));
      union.text((i == 0 ? "" : " UNION ") + "SELECT " + t + "._ROWID_").append(join.from(t));
      join.filter().ifPresent(f -> union.text(" WHERE ").append(f.sql()));
    }
    return union.build();
  }

  // Trees.

  /** The rows of a tree table reached from outside it: by the call's ids, or through its parents. */
  Condition tops(ModelSpec table) {
    if (tree.isRoot(table)) {
      return roots(table);
    }
    return Condition.anyOf(tree.cascadeInto(table).stream().map(this::through).toList());
  }

  /** The keys (and markers) of a tree's rows below its tops, through the table's relation to itself. */
  SqlText belowKeys(ModelSpec table) {
    return treeKeys(table, true);
  }

  /** A tree's rows below its tops, as a link for statements: by key (and marker), from the recursive query. */
  Link below(ModelSpec table) {
    // Already read through a derived table: the recursive query.
    return byKeys(table, "the " + table.table() + " below the tops", belowKeys(table), false);
  }

  /**
   * Whether a tree's tops are below the root in a soft restore: found through their parents'
   * restored keys, which SQLite reads once, first, and H2 through {@code EXISTS}.
   */
  private boolean topsFoundOnce(ModelSpec table) {
    return source == Source.SOFT_DELETED && !tree.isRoot(table);
  }

  /**
   * Every row of a table this operation reaches, as a link that finds them by key (and marker),
   * the keys read through a derived table so that MySQL may change the table they come from.
   */
  Link everyRow(ModelSpec table) {
    return byKeys(table, "the " + table.table() + " " + reached(table), keys(table), true);
  }

  private Link byKeys(ModelSpec table, String what, SqlText keys, boolean derived) {
    String t = from(table);
    String on =
        t + "." + key(table) + " = " + Join.ALIAS + "." + key(table)
            + marker(table).map(m -> " AND " + t + "." + m + " = " + Join.ALIAS + "." + m).orElse("");
    Condition byKey =
        Condition.of(
            derived
                ? SqlText.builder()
                    .text(keyTuple(table) + " IN (SELECT " + keyColumns(table) + " FROM (")
                    .append(keys)
                    .text(") AS cascade_rows)")
                    .build()
                : SqlText.builder().text(keyTuple(table) + " IN (").append(keys).text(")").build());
    return new Link(
        table,
        Optional.empty(),
        what,
        derived && source == Source.TRASHED ? narrowed(table, Optional.empty(), byKey) : byKey,
        Optional.of(new Join(keys, SqlText.of(on), Optional.empty())),
        true);
  }

  private SqlText treeKeys(ModelSpec table, boolean belowOnly) {
    String cte = cte(table);
    String keyAs = Protocol.TREE_KEY + " AS " + key(table);
    String markAs = marker(table).map(m -> ", " + Protocol.TREE_MARK + " AS " + m).orElse("");
    String markColumn = marker(table).map(m -> ", " + Protocol.TREE_MARK).orElse("");
    return SqlText.builder()
        .text("SELECT " + keyAs + markAs + " FROM (")
        .ref(subtree(table))
        .text(" SELECT " + Protocol.TREE_KEY + markColumn + " FROM " + cte)
        .text(belowOnly ? " WHERE " + Protocol.TREE_DEPTH + " > 0" : "")
        .text(") AS " + cte + (belowOnly ? "_below" : "_keys"))
        .build();
  }

  /**
   * The named recursive query of a tree's rows: its tops, then each row whose parent was found,
   * with the same marker in a marked source, never entering a top again (so looping data ends),
   * with each row's depth and, in the live source, the top it hangs from.
   */
  String subtree(ModelSpec table) {
    String constant = subtrees.get(table.type());
    if (constant != null) {
      return constant;
    }
    Edge self = tree.selfCascade(table).orElseThrow();
    String cte = cte(table);
    String t = from(table);
    Condition tops = tops(table);
    boolean withTop = source == Source.LIVE;
    String columns =
        Protocol.TREE_KEY
            + marker(table).map(m -> ", " + Protocol.TREE_MARK).orElse("")
            + (withTop ? ", " + Protocol.TREE_TOP : "")
            + ", " + Protocol.TREE_DEPTH;
    String start =
        key(table) + marker(table).map(m -> ", " + m).orElse("") + (withTop ? ", " + key(table) : "") + ", 0";
    String step =
        t + "." + key(table) + marker(table).map(m -> ", " + t + "." + m).orElse("")
            + (withTop ? ", " + Protocol.TREE_TOP : "") + ", " + Protocol.TREE_DEPTH + " + 1";
    String on =
        t + "." + name(self.foreignKey().name()) + " = " + Protocol.TREE_KEY
            + marker(table).map(m -> " AND " + t + "." + m + " = " + Protocol.TREE_MARK).orElse("");
    // A row the recursion reaches is no top: the tops' condition on the row itself, not a NOT IN
    // over the tops, which PostgreSQL may plan as a scan of the tops per row reached. SQLite,
    // though, runs the tops' query again for each row reached when it reads another tree's
    // restored rows (the tops of a soft restore's tree below the root), so there the tops are
    // found once, in a query of their own, and the recursion leaves out the keys it found.
    // H2, for its part, runs the tops' (fk, marker) IN (keys) again for every row it looks at once
    // the transaction has locked rows of a table the keys' query reads, as a soft restore has its
    // roots when it unmarks: there each row's parent is looked up with EXISTS instead.
    boolean topsFoundOnce = topsFoundOnce(table);
    Optional<Condition> existsTops = topsFoundOnce ? Optional.of(existsTops(table, t)) : Optional.empty();
    Condition startFrom = existsTops.map(exists -> onH2(exists, tops)).orElse(tops);
    String topsQuery = cte + "_tops";
    Condition below =
        existsTops
            .map(exists ->
                Condition.of(
                    SqlText.builder()
                        .text(Protocol.SQLITE_ONLY + t + "." + key(table) + " NOT IN (SELECT " + Protocol.TREE_KEY
                            + " FROM " + topsQuery + ")" + Protocol.END_SQLITE_ONLY + Protocol.NOT_SQLITE)
                        .append(onH2(exists.negated(), tops.negated()).sql())
                        .text(Protocol.END_NOT_SQLITE)
                        .build()))
            .orElse(tops.negated());
    Optional<Condition> own = own(table, Optional.of(t));
    if (own.isPresent()) {
      below = own.get().and(below);
    }
    Optional<Condition> where = where(self, Optional.of(t));
    if (where.isPresent()) {
      below = below.and(where.get());
    }
    // In the trash, the tops of a tree below the root are every row of the operations a restore
    // of whole operations brings back: there the recursion would find nothing more, and is left
    // out, since PostgreSQL may plan it badly once the trash is analyzed.
    boolean wholeWithoutRecursion = source == Source.TRASHED && !tree.isRoot(table);
    SqlText.Builder withTops = SqlText.builder().text("WITH RECURSIVE ");
    if (topsFoundOnce) {
      withTops
          .text(Protocol.SQLITE_ONLY + topsQuery + " (" + Protocol.TREE_KEY + ") AS MATERIALIZED (SELECT " + key(table)
              + " FROM " + t + " WHERE ")
          .append(tops.sql())
          .text("), " + Protocol.END_SQLITE_ONLY);
    }
    SqlText sql =
        withTops
            .text(cte + " (" + columns + ") AS (SELECT " + start + " FROM " + t + " WHERE ")
            .append(startFrom.sql())
            .text((wholeWithoutRecursion ? Protocol.ONLY_NAMED : "") + " UNION ALL SELECT " + step + " FROM " + t + " JOIN "
                + cte + " ON " + on + " WHERE ")
            .append(below.sql())
            .text(wholeWithoutRecursion ? Protocol.END_ONLY_NAMED + ")" : ")")
            .build();
    constant =
        program.add(
            source.prefixed(table.table()) + "_SUBTREE",
            "The " + table.table() + " " + reached(table) + " and every row below them (" + self.describe() + ")"
                + markerPhrase() + ", with their depth" + (withTop ? " and top" : "") + "."
                + (topsFoundOnce
                    ? " On SQLite the tops are found once, first; on H2 each row's parent is looked up with EXISTS."
                    : ""),
            sql);
    subtrees.put(table.type(), constant);
    return constant;
  }

  /** A tree's tops as H2 reads them in a soft restore: each through an {@code EXISTS} ({@link #existsThrough}). */
  private Condition existsTops(ModelSpec table, String t) {
    return Condition.anyOf(tree.cascadeInto(table).stream().map(edge -> existsThrough(edge, t)).toList());
  }

  /** {@code <h2>h2</h2><not-h2>others</not-h2>}: the runtime keeps the part written for the connected database. */
  private static Condition onH2(Condition h2, Condition others) {
    return Condition.of(
        SqlText.builder()
            .text(Protocol.H2_ONLY)
            .append(h2.sql())
            .text(Protocol.END_H2_ONLY + Protocol.NOT_H2)
            .append(others.sql())
            .text(Protocol.END_NOT_H2)
            .build());
  }

  /** The name of a tree's recursive query. */
  String cte(ModelSpec table) {
    return "cascade_" + table.table() + switch (source) {
      case LIVE -> "_tree";
      case NOT_DELETED -> "_live";
      case SOFT_DELETED -> "_deleted";
      case TRASHED -> "_trashed";
    };
  }

  /** A relation's {@code where}, its columns named as generated SQL writes them. */
  Optional<Condition> where(Edge edge, Optional<String> qualifier) {
    return edge.where()
        .map(
            text -> {
              String q = qualifier.map(t -> t + ".").orElse("");
              if (WhereParser.parse(text) instanceof WhereParser.Result.Parsed parsed) {
                WhereCondition condition = parsed.condition();
                ModelSpec child = edge.child();
                return Condition.of(
                    "("
                        + condition.render(
                            column -> q + name(child.column(column).map(c -> c.name()).orElse(column)))
                        + ")");
              }
              return Condition.of("(" + text + ")");
            });
  }

  private String reached(ModelSpec table) {
    String verb = source.marked() ? "this restore brings back" : "the cascade reaches";
    return tree.isRoot(table) ? "the call names" : verb;
  }

  private String rootPhrase() {
    return switch (source) {
      case LIVE -> " that exist";
      case NOT_DELETED -> " that are not soft-deleted yet";
      case SOFT_DELETED -> ", soft-deleted by the operations being restored";
      case TRASHED -> ", each as its latest delete put it in the trash";
    };
  }

  private String markerPhrase() {
    return switch (source) {
      case LIVE -> "";
      case NOT_DELETED -> ", not soft-deleted yet";
      case SOFT_DELETED -> ", soft-deleted by the same operation as their parent";
      case TRASHED -> ", trashed by the same operation as their parent";
    };
  }
}
