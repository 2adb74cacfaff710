package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A strategy's statements cut into batches of at most {@code n} rows, from their portable text
 * ({@code DELETE FROM t WHERE ...}, {@code UPDATE t SET ... WHERE ...}), in the order they run:
 *
 * <ul>
 *   <li>each {@code DELETE}, {@code UPDATE} is limited as the database allows ({@link Limit});
 *   <li>the rows of a tree go leaves first: rows no other row of the table points at (for a soft
 *       delete, no live row), so that no batch leaves a row without the parent its foreign key
 *       needs, or cuts the next batch's walk down the tree. The statements of one tree (its tops
 *       through each relation first, the rows below them, which a recursive query finds, last) run
 *       by turns until none changes a row, since a top reached through one relation may hang below
 *       a top reached through another. The flattening
 *       that lets one statement delete a subtree on H2 and MySQL is not needed then, and is left out;
 *   <li>for the trash, a table linked to itself by {@code SET_NULL} (a ticket merged into another)
 *       goes leaves first by that link too, rather than unlinking its rows before their batches copy
 *       them; rows whose links loop are unlinked and deleted last ({@link #unlinksOfItself});
 *   <li>for the trash, no row may go without its copy, nor be copied twice: on PostgreSQL each batch
 *       is one statement that deletes up to {@code n} rows and inserts what it deleted into the trash
 *       ({@code WITH ... DELETE ... RETURNING}); on H2, the rows a batch picked by row id are copied,
 *       then deleted; on SQLite and MySQL each batch copies up to {@code n} rows, then deletes exactly
 *       the rows of the table that have a copy of this operation (all of them this batch's: earlier
 *       batches deleted theirs). The copies of the steps are left out. There, a table without a key
 *       cannot tell its copied rows apart, so it is copied and deleted in one batch.
 * </ul>
 */
final class BatchPlan {
  private static final String CHILD = "cascade_child";

  private final CascadeSchema schema;
  private final Map<String, String> trees;
  private final Dialect dialect;
  private final int n;

  private BatchPlan(CascadeSchema schema, Map<String, String> trees, Dialect dialect, int n) {
    this.schema = schema;
    this.trees = trees;
    this.dialect = dialect;
    this.n = n;
  }

  /**
   * The statements of {@code strategy} in batches of {@code n} rows, in groups that run by turns
   * (the statements of one tree; every other statement alone); with {@code roots} false, without
   * those changing the rows the call names.
   */
  static List<List<BatchStatement>> of(Strategy strategy, DeletePlan<?> plan, Dialect dialect, int n, boolean roots) {
    BatchPlan batches = new BatchPlan(plan.schema(), plan.trees(), dialect, n);
    Map<String, DeleteStep> unlinks = strategy.kind() == DeleteStrategy.TRASH ? unlinksOfItself(strategy) : Map.of();
    List<List<BatchStatement>> groups = new ArrayList<>();
    List<DeleteStep> loops = new ArrayList<>();
    String tree = null;
    List<DeleteStep> steps = strategy.steps();
    for (int i = 0; i < steps.size(); i++) {
      DeleteStep step = steps.get(i);
      boolean cut = step.kind() != DeleteStep.Kind.COPY && step.kind() != DeleteStep.Kind.FLATTEN;
      if (!cut || (step.root() && !roots) || (step.kind() == DeleteStep.Kind.UNLINK && unlinks.containsKey(step.table()))) {
        continue;
      }
      DeleteStep before = i == 0 ? null : steps.get(i - 1);
      boolean byItsCopy =
          dialect == Dialect.H2 && before != null && before.kind() == DeleteStep.Kind.COPY
              && before.table().equals(step.table()) && batches.table(step.table()).key().isEmpty();
      if (byItsCopy) {
        groups.add(new ArrayList<>(List.of(batches.whole(before, step))));
        tree = null;
        continue;
      }
      if (!loops.isEmpty() && !loops.get(0).table().equals(step.table())) {
        groups.add(batches.loops(unlinks.get(loops.get(0).table()), loops, strategy.kind()));
        loops.clear();
      }
      Optional<String> unlinked = step.unlinks() ? Optional.empty() : Optional.ofNullable(unlinks.get(step.table())).map(DeleteStep::column);
      BatchStatement statement = batches.cut(step, strategy.kind(), unlinked);
      boolean treeStep = !step.unlinks() && (plan.trees().containsKey(step.table()) || unlinked.isPresent());
      if (treeStep && step.table().equals(tree)) {
        // Each statement before the one above it: the tops' own, which reach their rows through a
        // relation, before the rows below them, which the recursive query finds. Each batch of the
        // latter walks every row of the tree still there; a tree whose rows are all tops (a card's
        // comments) is then gone before it walks once.
        groups.get(groups.size() - 1).add(0, statement);
      } else {
        groups.add(new ArrayList<>(List.of(statement)));
      }
      tree = treeStep ? step.table() : null;
      if (unlinked.isPresent() && step.kind() == DeleteStep.Kind.DELETE) {
        loops.add(step);
      }
    }
    if (!loops.isEmpty()) {
      groups.add(batches.loops(unlinks.get(loops.get(0).table()), loops, strategy.kind()));
    }
    return groups;
  }

  /**
   * For the trash, the statements that unlink a table's rows from one another ({@code SET_NULL} to
   * itself: a ticket merged into another, a fork's link to its original), by table. {@code destroy}
   * copies the rows first, then unlinks and deletes them, so that a row trashed with the row it
   * points at keeps the link in the trash. Batches copy each batch's rows as they delete them, so
   * they delete those rows leaves first instead, a row no other row points at, and keep every link
   * (a newcomer's trial found each merged ticket back unmerged after a batched trash of its
   * organization); only rows whose links loop are left, unlinked and deleted last ({@link #loops}).
   */
  private static Map<String, DeleteStep> unlinksOfItself(Strategy strategy) {
    Map<String, DeleteStep> unlinks = new LinkedHashMap<>();
    for (DeleteStep step : strategy.steps()) {
      if (step.kind() == DeleteStep.Kind.UNLINK) {
        unlinks.put(step.table(), step);
      }
    }
    return unlinks;
  }

  /**
   * After a table's rows went leaves first, the rows left: those whose links loop (a ticket merged
   * into one merged into it), which no batch could take, and any row below them. Unlinked from one
   * another, then deleted, by turns; their trash copies lose those links.
   */
  private List<BatchStatement> loops(DeleteStep unlink, List<DeleteStep> deletes, DeleteStrategy strategy) {
    List<BatchStatement> statements = new ArrayList<>();
    statements.add(cut(unlink, strategy, Optional.empty()));
    for (DeleteStep delete : deletes) {
      statements.add(cut(delete, strategy, Optional.empty()));
    }
    return statements;
  }

  /**
   * Deletes the rows of a table that {@code condition} picks, in batches: for a purge of the trash.
   *
   * @param name the table as SQL names it
   * @param table the table as results name it
   */
  static BatchStatement deleting(
      String name, String table, String condition, Dialect dialect, int n, Optional<String> numberKey) {
    return BatchStatement.of(
        table, DeleteStep.Kind.DELETE, Limit.deleteCopies(dialect, name, condition, n, numberKey), "deleting from " + table);
  }

  /**
   * The table's key as SQL names it, where it is a number: what H2 batches pick their rows by
   * ({@link Limit#rowId}).
   */
  static Optional<String> numberKey(CascadeSchema.Table table, CascadeSchema names, Dialect dialect) {
    return table.key().filter(key -> KeyType.of(key.javaType()).isNumber()).map(key -> names.quote(key.name(), dialect));
  }

  /**
   * For the trash on H2, a table without a key, which one batch copies and deletes whole: by its
   * relation's own copy and delete, as {@code destroy} runs them, which read the parent's keys once
   * through a join. The portable {@code IN} under the copy's {@code FOR UPDATE} ran a tree's
   * recursive query for every row of the table (a newcomer's helpdesk trial: 176 s for its tickets'
   * tags, against about a second in {@code destroy}).
   */
  private BatchStatement whole(DeleteStep copy, DeleteStep delete) {
    return new BatchStatement(
        delete.table(), delete.kind(), Optional.empty(),
        Optional.of(copy.sql().text(dialect) + RowLocks.of(dialect, name(delete.table()))),
        delete.sql().text(dialect), delete.describe(), false);
  }

  /** @param unlinked for the trash, the link to its own table that its rows go leaves first by ({@link #unlinksOfItself}) */
  private BatchStatement cut(DeleteStep step, DeleteStrategy strategy, Optional<String> unlinked) {
    Portable text = Portable.parse(step);
    String condition = text.condition();
    Optional<String> selfKey = Optional.empty();
    List<String> pointing = new ArrayList<>();
    Optional.ofNullable(trees.get(step.table())).filter(parent -> !step.unlinks()).ifPresent(pointing::add);
    unlinked.ifPresent(pointing::add);
    for (String link : pointing) {
      CascadeSchema.Table table = table(step.table());
      String key = name(table.key().orElseThrow().name());
      condition += " AND NOT EXISTS (SELECT 1 FROM " + text.table() + " AS " + CHILD + " WHERE " + CHILD + "."
          + name(link) + " = " + text.table() + "." + key
          + (step.kind() == DeleteStep.Kind.MARK ? " AND " + CHILD + "." + softDeleteColumn(table) + " IS NULL" : "")
          + ")";
      selfKey = Optional.of(key);
    }
    // A table only unlinked (a SET_NULL child) is not among the schema's: H2 picks its rows by _ROWID_.
    Optional<String> numberKey = schema.cascadeTable(step.table()).flatMap(table -> numberKey(table, schema, dialect));
    if (step.unlinks() || step.kind() == DeleteStep.Kind.MARK) {
      return BatchStatement.of(
          step.table(), step.kind(),
          Limit.update(dialect, text.table(), text.assignments(), condition, n, selfKey, numberKey), step.describe());
    }
    if (strategy != DeleteStrategy.TRASH) {
      return BatchStatement.of(
          step.table(), step.kind(), Limit.delete(dialect, text.table(), condition, n, selfKey, numberKey),
          step.describe());
    }
    CascadeSchema.Table table = table(step.table());
    if (dialect == Dialect.POSTGRESQL) {
      return new BatchStatement(
          step.table(), step.kind(), Optional.empty(), Optional.empty(), move(table, text.table(), condition),
          step.describe(), true);
    }
    if (table.key().isEmpty()) {
      return new BatchStatement(
          step.table(), step.kind(), Optional.empty(),
          Optional.of(copy(table, text.table(), text.table() + " WHERE " + condition, true)),
          "DELETE FROM " + text.table() + " WHERE " + condition, step.describe(), false);
    }
    Optional<String> pick = Limit.pick(dialect, text.table(), condition, n, numberKey);
    if (pick.isPresent()) {
      // The pick locks the rows ({@link RowLocks}): H2 does not lock them through the copy's join.
      return new BatchStatement(
          step.table(), step.kind(), pick.map(p -> p + RowLocks.of(dialect, text.table())),
          Optional.of(copy(table, text.table(), Limit.pickedRows(text.table(), numberKey), false)),
          Limit.changePicked(text.table(), "DELETE", numberKey), step.describe(), false);
    }
    String key = name(table.key().get().name());
    String trash = name(table.trashTable().orElseThrow());
    String copied =
        condition + " AND EXISTS (SELECT 1 FROM " + trash + " WHERE " + trash + "." + key + " = " + text.table() + "."
            + key + " AND " + trash + "." + Protocol.ORIGINAL_TABLE + " = '" + table.name() + "' AND " + trash + "."
            + Protocol.DELETION_ID + " = :" + Protocol.DELETION_ID_PARAMETER + ")";
    return new BatchStatement(
        step.table(), step.kind(), Optional.empty(),
        Optional.of(copy(table, text.table(), text.table() + " WHERE " + condition + " LIMIT " + n, true)),
        Limit.delete(dialect, text.table(), copied, n, selfKey, numberKey).statement(), step.describe(), false);
  }

  /**
   * On PostgreSQL, a delete of at most {@code n} rows whose deleted rows go into the trash in the
   * same statement, which counts the rows it moved and the rows it picked ({@link Limit}): {@code
   * WITH cascade_picked AS MATERIALIZED (...), cascade_moved AS (DELETE ... RETURNING posts.id, ...),
   * cascade_copied AS (INSERT INTO posts_trash (...) SELECT id, ..., :deletedAt, 'posts', :deletionId
   * FROM cascade_moved RETURNING 1) SELECT ...}.
   */
  private String move(CascadeSchema.Table table, String from, String condition) {
    String columns = table.columns().stream().map(c -> name(c.name())).collect(Collectors.joining(", "));
    String returned = table.columns().stream().map(c -> from + "." + name(c.name())).collect(Collectors.joining(", "));
    String moved = "cascade_moved AS (" + Limit.atPicked("DELETE FROM " + from) + " RETURNING " + returned + ")";
    String copied = "cascade_copied AS (INSERT INTO " + name(table.trashTable().orElseThrow()) + " (" + columns + ", "
        + name(table.trashTimeColumn()) + ", " + Protocol.ORIGINAL_TABLE + ", " + Protocol.DELETION_ID + ") SELECT "
        + columns + ", :" + Protocol.DELETED_AT + ", '" + table.name() + "', :" + Protocol.DELETION_ID_PARAMETER
        + " FROM cascade_moved RETURNING 1)";
    return Limit.counting(List.of(Limit.picked(from, condition, n), moved, copied), "cascade_copied");
  }

  /**
   * {@code INSERT INTO posts_trash (id, ..., trashed_at, original_table, deletion_id) SELECT
   * posts.id, ..., :deletedAt, 'posts', :deletionId FROM posts WHERE ... FOR UPDATE}, as the
   * generated copies run ({@link RowLocks}).
   *
   * @param rows what follows {@code FROM}: the table and the condition on its rows
   * @param locking whether the copy locks the rows, or an earlier statement did
   */
  private String copy(CascadeSchema.Table table, String from, String rows, boolean locking) {
    String columns = table.columns().stream().map(c -> name(c.name())).collect(Collectors.joining(", "));
    String selected = table.columns().stream().map(c -> from + "." + name(c.name())).collect(Collectors.joining(", "));
    return "INSERT INTO " + name(table.trashTable().orElseThrow()) + " (" + columns + ", " + name(table.trashTimeColumn())
        + ", " + Protocol.ORIGINAL_TABLE + ", " + Protocol.DELETION_ID + ") SELECT " + selected + ", :"
        + Protocol.DELETED_AT + ", '" + table.name() + "', :" + Protocol.DELETION_ID_PARAMETER + " FROM " + rows
        + (locking ? RowLocks.of(dialect, from) : "");
  }

  private CascadeSchema.Table table(String name) {
    return schema.cascadeTable(name)
        .orElseThrow(() -> new IllegalStateException("the deleter's schema has no table " + name));
  }

  private String softDeleteColumn(CascadeSchema.Table table) {
    return name(table.softDeleteColumn().orElseThrow(() -> new IllegalStateException(table.name() + " has no soft-delete column")));
  }

  private String name(String identifier) {
    return schema.quote(identifier, dialect);
  }

  /**
   * A step's portable text: {@code DELETE FROM table WHERE condition} or {@code UPDATE table SET
   * assignments WHERE condition}, as the processor writes them ({@code Shapes}).
   */
  record Portable(String table, String assignments, String condition) {
    private static final String DELETE = "DELETE FROM ";
    private static final String UPDATE = "UPDATE ";
    private static final String SET = " SET ";
    private static final String WHERE = " WHERE ";

    static Portable parse(DeleteStep step) {
      String sql = step.sql().portable();
      if (sql.startsWith(DELETE) && sql.indexOf(WHERE) > 0) {
        int where = sql.indexOf(WHERE);
        return new Portable(sql.substring(DELETE.length(), where), "", sql.substring(where + WHERE.length()));
      }
      int set = sql.indexOf(SET);
      int where = set < 0 ? -1 : sql.indexOf(WHERE, set);
      if (sql.startsWith(UPDATE) && where > 0) {
        return new Portable(
            sql.substring(UPDATE.length(), set), sql.substring(set + SET.length(), where), sql.substring(where + WHERE.length()));
      }
      throw new CascadeException(
          step.describe() + ": cannot cut this statement into batches, it is not a DELETE or UPDATE ... WHERE: " + sql);
    }
  }
}
