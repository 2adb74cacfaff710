package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.DeleteRestrictedException;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Runs {@code XDeleter.purge} and {@code Journal.purge}: removes for good the operations the
 * journal lists as soft-deleted or trashed before the cutoff, whole operations, a chunk of them at
 * a time, in batches of rows each committed on its own; then marks them {@code PURGED}.
 *
 * <ul>
 *   <li>a trashed operation's rows are the rows of its cascade's trash tables that carry its
 *       deletion id; they are deleted, children's tables first;
 *   <li>a soft-deleted operation's rows are in the live tables: its roots that still carry its
 *       marker are deleted {@code PERMANENT}ly, with their whole cascade (what else hangs below a
 *       purged row could never be restored without it, and its foreign keys would point nowhere),
 *       {@code SET_NULL} rows unlinked and {@code RESTRICT} rows checked, as {@code destroy} would;
 *       one whose root a later delete trashed, still carrying its marker, waits for that trash.
 * </ul>
 *
 * Before its first batch, a purge claims its operations in the journal ({@code PURGING}, in a
 * transaction of its own): a restore that has not taken one back by then is refused, as the
 * batches may have removed part of it (a newcomer's trial restored a user between two batches, and
 * the purge then deleted the restored user for good). A restore under way holds its operations'
 * journal rows, so the claim waits for it, and then leaves what it restored alone. A crash leaves
 * whole batches done and the operations {@code PURGING}; the next purge finds them again and
 * removes what is left. A dry run counts the same rows and changes nothing.
 */
public final class Purges {
  /** Operations read from the journal at a time: their ids are bound one parameter each. */
  private static final int CHUNK = 500;
  /** How many keys a refusal names. */
  private static final int SHOWN = 10;

  private final Handle handle;
  private final Dialect dialect;
  private final String journal;
  private final PurgeOptions options;
  /**
   * Operations whose marker is before it are purged; none for an age of zero, which purges every
   * operation deleted before the call: with markers of whole seconds, several deletes in one second
   * write markers a little ahead of the clock, and a purge right after them left those (trial 21).
   */
  private final Optional<Instant> cutoff;
  private final BatchRunner runner;
  private long operations;
  private final List<Unreached> unreached = new ArrayList<>();
  private final Map<String, List<Tables.Reference>> unnamedReferences = new HashMap<>();
  /** For a dry run, the rows that would stop the real purge, by table. */
  private final Map<String, Long> restrictedBy = new LinkedHashMap<>();

  private Purges(Handle handle, Dialect dialect, String journal, PurgeOptions options) {
    this.handle = handle;
    this.dialect = dialect;
    this.journal = journal;
    this.options = options;
    this.cutoff =
        options.age().isZero()
            ? Optional.empty()
            : Optional.of(handle.getConfig(CascadeConfig.class).getClock().instant().minus(options.age()));
    this.runner = new BatchRunner(handle, options.progress(), Map.of());
  }

  /** Purges the operations rooted at the plan's table. */
  public static PurgeResult purge(Handle handle, DeletePlan<?> plan, PurgeOptions options) {
    Deletions.requirePurgeOptions(plan.table(), options);
    Purges purge = start(Deletions.dialectOf(handle, plan), handle, options, "purge of " + plan.table());
    purge.of(plan);
    return purge.result();
  }

  /** Purges the operations of every model whose generated deleter is on the class path. */
  public static PurgeResult everything(Handle handle, PurgeOptions options) {
    Deletions.requirePurgeOptions("Journal.purge", options);
    if (handle == null || handle.isClosed()) {
      throw new CascadeException("Journal.purge: the handle is " + (handle == null ? "null" : "closed"));
    }
    Purges purge = start(Dialect.of(handle), handle, options, "Journal.purge");
    // A table refused for rows a RESTRICT relation keeps, which the purge of a table after it in
    // name order removed since (a course's soft-deleted transcripts: trial 24's nightly purge
    // failed every night, and never reached the tables after courses), goes again, as long as a
    // pass purges one of the tables it tries.
    Map<DeletePlan<?>, DeleteRestrictedException> refused = new LinkedHashMap<>();
    List<DeletePlan<?>> pending = generated();
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (DeletePlan<?> plan : pending) {
        Optional<DeleteRestrictedException> refusal = purge.ofUnlessRestricted(plan);
        refusal.ifPresentOrElse(e -> refused.put(plan, e), () -> refused.remove(plan));
        progress |= refusal.isEmpty();
      }
      pending = List.copyOf(refused.keySet());
    }
    if (!refused.isEmpty()) {
      throw refused.values().iterator().next();
    }
    return purge.result();
  }

  /**
   * Purges the plan's operations, or, where a {@code RESTRICT} relation refuses one of them before
   * its first batch (nothing of it removed), gives them back and says so.
   */
  private Optional<DeleteRestrictedException> ofUnlessRestricted(DeletePlan<?> plan) {
    try {
      of(plan);
      return Optional.empty();
    } catch (DeleteRestrictedException e) {
      return Optional.of(e);
    }
  }

  private static Purges start(Dialect dialect, Handle handle, PurgeOptions options, String call) {
    Transactions.requireNone(handle, call, "");
    if (!options.dryRun()) {
      Transactions.requireWritable(handle, call);
    }
    String journal =
        Journals.table(handle)
            .orElseThrow(() -> new CascadeException(
                call + " finds the operations to purge in the operations journal, which is off"
                    + " (CascadeConfig.setJournalTable(null)), so nothing was purged: turn the journal on (operations"
                    + " deleted while it was off stay until you delete their rows yourself)"));
    return new Purges(handle, dialect, journal, options);
  }

  /**
   * The plans of the generated deleters the class path lists, one per table, by table name. A
   * listed class that is not there (a build that removed a model and kept the list, as an IDE's may)
   * is a {@code CascadeException} that says to rebuild, before anything is purged.
   */
  private static List<DeletePlan<?>> generated() {
    try {
      return GeneratedDeleters.plans();
    } catch (ServiceConfigurationError e) {
      throw new CascadeException(
          "Journal.purge cannot load the generated deleters that META-INF/services/" + GeneratedDeleter.class.getName()
              + " lists (" + e.getMessage() + "), so nothing was purged: a build left the list of an earlier one;"
              + " rebuild the module that holds the models from clean (mvn clean compile)", e);
    }
  }

  /** Purges the plan's operations, a chunk at a time, oldest first. */
  private void of(DeletePlan<?> plan) {
    Optional<Instant> after = Optional.empty();
    while (true) {
      List<Operation> chunk = Journals.purgeable(handle, dialect, journal, plan.table(), cutoff, after, CHUNK);
      if (chunk.isEmpty()) {
        return;
      }
      after = Optional.of(chunk.get(chunk.size() - 1).deletedAt());
      List<Operation> claimed = reached(plan, claim(chunk));
      Map<DeleteStrategy, List<Operation>> byStrategy = claimed.stream().collect(Collectors.groupingBy(Operation::strategy));
      List<Operation> trashed = byStrategy.getOrDefault(DeleteStrategy.TRASH, List.of());
      List<Operation> softened = byStrategy.getOrDefault(DeleteStrategy.SOFT, List.of());
      List<Root> softRoots = softRoots(plan, softened);
      refuseForeignMarkers(plan, claimed, softened, softRoots);
      // Each strategy's operations are marked PURGED once their rows are gone, so that a soft
      // delete the database refuses to purge (a foreign key the model does not name) leaves the
      // trashed operations before it purged.
      long batchesBefore = runner.batches();
      try {
        trash(plan, trashed);
      } catch (RuntimeException e) {
        boolean begun = runner.batches() > batchesBefore;
        giveBack(begun ? softened : claimed);
        throw stopped(e, begun ? trashed : List.of(), trashed);
      }
      purged(trashed, Set.of());
      batchesBefore = runner.batches();
      Set<String> waiting;
      try {
        waiting = soft(plan, softened, softRoots);
      } catch (RuntimeException e) {
        // Refused before its first batch (a RESTRICT row): nothing is removed, so no restore need be refused.
        boolean begun = runner.batches() > batchesBefore;
        if (!begun) {
          giveBack(softened);
        }
        throw stopped(e, begun ? softened : List.of(), softened);
      }
      purged(softened, waiting);
    }
  }

  /**
   * The claimed operations this build's model reaches every row of; the others ({@link Unreached})
   * are given back, left for a build whose model reaches them, and named when the purge ends.
   */
  private List<Operation> reached(DeletePlan<?> plan, List<Operation> claimed) {
    List<Operation> reached = new ArrayList<>();
    List<Operation> others = new ArrayList<>();
    for (Operation operation : claimed) {
      Optional<Unreached> outside = Unreached.of(plan.schema(), operation);
      outside.ifPresent(unreached::add);
      (outside.isPresent() ? others : reached).add(operation);
    }
    giveBack(others);
    return reached;
  }

  /** Marks these operations purged, but those that wait, which go back to {@code DELETED}. */
  private void purged(List<Operation> done, Set<String> waiting) {
    List<String> ids = done.stream().map(Operation::deletionId).filter(id -> !waiting.contains(id)).toList();
    if (!options.dryRun() && !done.isEmpty()) {
      runner.inTransaction("operations " + ids, () -> {
        Journals.purged(handle, dialect, journal, ids, now());
        Journals.unclaim(handle, journal, waiting);
        return null;
      });
    }
    operations += ids.size();
  }

  /**
   * A purge that stopped says which operations stay {@code PURGING}, which no restore takes back,
   * for the next purge to finish: those it ran batches of, and those an earlier purge left so. Any
   * failure but Cascade's own (a progress callback's) passes through unchanged.
   *
   * @param begun the operations this purge ran batches of
   * @param stopped the operations of the part that stopped
   */
  private static RuntimeException stopped(RuntimeException failure, List<Operation> begun, List<Operation> stopped) {
    if (!(failure instanceof CascadeException cascade)) {
      return failure;
    }
    List<String> staying =
        stopped.stream()
            .filter(o -> begun.contains(o) || o.state() == OperationState.PURGING)
            .map(Operation::deletionId)
            .toList();
    if (staying.isEmpty()) {
      return failure;
    }
    return SqlFailures.withMore(
        cascade,
        "; operations " + staying + " stay PURGING, which no restore takes back, and the next purge finishes them"
            + " once the cause is gone");
  }

  /**
   * The operations of the chunk this purge may remove: it claims them in the journal first, in a
   * transaction of its own, so that a restore that has not taken one back by then cannot any more
   * (each restore holds its operations' journal rows until it commits); a restore that took one
   * back first leaves it restored, and the purge leaves it alone. A dry run claims nothing.
   */
  private List<Operation> claim(List<Operation> chunk) {
    if (options.dryRun()) {
      return chunk;
    }
    List<String> ids = chunk.stream().map(Operation::deletionId).toList();
    Set<String> claimed =
        new HashSet<>(runner.inTransaction("claiming operations " + ids, () -> Journals.claim(handle, dialect, journal, ids, now())));
    return chunk.stream().filter(operation -> claimed.contains(operation.deletionId())).toList();
  }

  /**
   * Gives claimed operations back, {@code DELETED}, when the purge stops before their first batch;
   * but not one an earlier purge left {@code PURGING}, as its batches may have removed rows of it
   * already (a newcomer's trial: the second purge that failed gave back a soft delete the first had
   * purged all but the root of, which a restore then brought back alone).
   */
  private void giveBack(List<Operation> claimed) {
    List<String> ids =
        claimed.stream().filter(o -> o.state() == OperationState.DELETED).map(Operation::deletionId).toList();
    if (options.dryRun() || ids.isEmpty()) {
      return;
    }
    runner.inTransaction("operations " + ids, () -> {
      Journals.unclaim(handle, journal, ids);
      return null;
    });
  }

  private Instant now() {
    return handle.getConfig(CascadeConfig.class).getClock().instant();
  }

  /** The rows of trashed operations: those of the cascade's trash tables that carry their deletion ids. */
  private void trash(DeletePlan<?> plan, List<Operation> trashed) {
    if (trashed.isEmpty()) {
      return;
    }
    Keys ids = Keys.of("operations", trashed.stream().map(Operation::deletionId).toList());
    Statements sql = new Statements(handle, dialect, plan.schema(), Placeholders.of(dialect, ids));
    Tables tables = Tables.of(handle);
    for (CascadeSchema.Table table : plan.schema().tables()) {
      Optional<String> trash = table.trashTable().filter(tables::exists);
      if (trash.isEmpty()) {
        continue;
      }
      String name = plan.schema().quote(trash.get(), dialect);
      String condition = Protocol.DELETION_ID + " IN (" + Protocol.IDS + ")";
      if (options.dryRun()) {
        long count = sql.count(Sql.of("SELECT COUNT(*) FROM " + name + " WHERE " + condition), "counting " + trash.get());
        runner.counted(trash.get(), false, count);
      } else {
        runner.run(
            sql, Map.of(),
            List.of(List.of(BatchPlan.deleting(
                name, trash.get(), condition, dialect, options.batchSize(), BatchPlan.numberKey(table, plan.schema(), dialect)))),
            rows -> { });
      }
    }
  }

  /**
   * The rows of soft-deleted operations: their roots that still carry their marker (not restored or
   * deleted again since), deleted for good with their whole cascade.
   *
   * @return the operations that wait, not to be marked {@code PURGED}: those with a root that a
   *     later delete moved into the trash still carrying their marker. That copy goes with its own
   *     operation's purge; a restore of it brings the root back soft-deleted by this operation, for
   *     a later purge to remove.
   */
  private Set<String> soft(DeletePlan<?> plan, List<Operation> softened, List<Root> softRoots) {
    Optional<String> column = plan.softDeleteColumn();
    if (softened.isEmpty() || column.isEmpty()) {
      return Set.of();
    }
    Map<String, List<Instant>> markers = markersByKey(softened);
    List<Object> roots = softRoots.stream().filter(root -> carries(root, markers)).map(Root::key).toList();
    Set<String> waiting = waiting(plan, column.get(), lookups(plan, markers), rootMapper(plan, column.get()), softened);
    if (roots.isEmpty()) {
      return waiting;
    }
    Keys keys = Keys.of(plan.table(), roots);
    Strategy permanent = Deletions.statementsFor(plan, DeleteStrategy.PERMANENT);
    Statements sql = new Statements(handle, dialect, plan.schema(), Placeholders.of(dialect, keys));
    if (options.dryRun()) {
      for (Count count : permanent.counts()) {
        runner.counted(count.table(), count.nullified(), sql.count(count.sql(), "counting " + count.table()));
      }
      countBlocking(plan, permanent, sql);
      return waiting;
    }
    RestrictChecks.run(
        permanent, sql, keys, " (soft-deleted longer ago than the purge's age, which it removes for good; nothing was purged)");
    refuseUnnamedReferences(plan, permanent, sql, roots);
    runner.run(sql, Map.of(), BatchPlan.of(permanent, plan, dialect, options.batchSize(), true), rows -> { });
    return waiting;
  }

  /**
   * Refuses, before any batch, soft deletes that rows of a table the model does not name point at
   * through a plain foreign key, at their roots or at any row their cascade deletes: the database
   * would refuse that row's delete only once the batches before it had removed, for good, what
   * hangs below (a newcomer's trial lost 1,189 rows of a workspace so, and the operation stayed half
   * purged). A row of the model's own tables that the cascade deletes first does not count. One
   * catalog read per table a purge, and one query per such foreign key, delete statement and chunk.
   */
  private void refuseUnnamedReferences(DeletePlan<?> plan, Strategy permanent, Statements sql, List<Object> roots) {
    for (Pointer pointer : unnamedPointers(plan, permanent)) {
      Tables.Reference reference = pointer.reference();
      // The first eleven values pointed at: the refusal shows ten and says whether there are more.
      Sql pointedAt = Sql.of("SELECT DISTINCT " + exactly(reference.column()) + pointer.rows() + " LIMIT " + (SHOWN + 1));
      List<Object> held = sql.list(pointedAt, (rs, ctx) -> rs.getObject(1), "checking " + reference.table());
      if (!held.isEmpty()) {
        throw refused(plan, roots, pointer.table(), reference, held);
      }
    }
  }

  /**
   * For a dry run, what would stop the purge of these soft deletes before its first batch, by
   * table: the rows {@code RESTRICT} relations count (in the child's trash table too, whose rows
   * would point at nothing), and the rows of tables the model does not name that point into the
   * cascade ({@link #refuseUnnamedReferences}). Trial 24's dry run counted a
   * purge that the real one then refused.
   */
  private void countBlocking(DeletePlan<?> plan, Strategy permanent, Statements sql) {
    for (Restriction restriction : RestrictChecks.runnable(permanent, sql)) {
      restricted(restriction.counted(), sql.count(restriction.sql(), "checking " + restriction.counted()));
    }
    for (Pointer pointer : unnamedPointers(plan, permanent)) {
      Tables.Reference reference = pointer.reference();
      restricted(Tables.shown(reference.table()), sql.count(Sql.of("SELECT COUNT(*)" + pointer.rows()), "checking " + reference.table()));
    }
  }

  /**
   * Rows of a table the model does not name that point, through a plain foreign key, at rows a
   * delete statement of the cascade removes.
   *
   * @param table the table the statement deletes from
   * @param rows {@code FROM badges WHERE post_id IN (...)}
   */
  private record Pointer(Tables.Reference reference, String table, String rows) {}

  /**
   * The plain foreign keys the model does not name into each table a {@code PERMANENT} purge
   * deletes from, with the rows that point at what it removes: {@code FROM badges WHERE post_id IN
   * (SELECT id FROM posts WHERE ...)}, but for rows an earlier statement of the cascade deletes.
   */
  private List<Pointer> unnamedPointers(DeletePlan<?> plan, Strategy permanent) {
    List<Pointer> pointers = new ArrayList<>();
    List<DeleteStep> deleted = new ArrayList<>();
    for (DeleteStep step : permanent.steps()) {
      if (step.kind() != DeleteStep.Kind.DELETE) {
        continue;
      }
      for (Tables.Reference reference : unnamedReferences(plan, step.table())) {
        pointers.add(new Pointer(reference, step.table(), pointingRows(reference, step, deleted)));
      }
      deleted.add(step);
    }
    return pointers;
  }

  private void restricted(String table, long rows) {
    if (rows > 0) {
      restrictedBy.merge(table, rows, Long::sum);
    }
  }

  /**
   * {@code FROM badges WHERE post_id IN (SELECT id FROM posts WHERE ...)}: the rows of the
   * reference's table that point at rows a delete statement removes, but for rows an earlier
   * statement of the cascade deletes ({@code deleted}).
   */
  private String pointingRows(Tables.Reference reference, DeleteStep step, List<DeleteStep> deleted) {
    BatchPlan.Portable rows = BatchPlan.Portable.parse(step);
    List<BatchPlan.Portable> earlier =
        deleted.stream().filter(d -> d.table().equalsIgnoreCase(reference.table())).map(BatchPlan.Portable::parse).toList();
    String from = earlier.isEmpty() ? exactly(reference.table()) : earlier.get(0).table();
    String column = exactly(reference.column());
    StringBuilder query =
        new StringBuilder(" FROM " + from + " WHERE " + column + " IN (SELECT " + exactly(reference.pointsAt()) + " FROM "
            + rows.table() + " WHERE " + rows.condition() + ")");
    for (BatchPlan.Portable gone : earlier) {
      query.append(" AND CASE WHEN ").append(gone.condition()).append(" THEN 1 ELSE 0 END = 0");
    }
    return query.toString();
  }

  private static CascadeException refused(
      DeletePlan<?> plan, List<Object> roots, String table, Tables.Reference reference, List<Object> held) {
    String from = Tables.shown(reference.table());
    boolean root = table.equals(plan.table());
    String rows = root ? "them" : table + " " + listed(held) + " in their cascade";
    return new CascadeException(
        "cannot purge " + plan.table() + " " + listed(root ? held : roots) + ": rows of " + from + " point at " + rows + " ("
            + from + "." + Tables.shown(reference.column()) + "), a foreign key the model does not name, so the database"
            + " would refuse to delete " + (root ? "them" : "those " + table) + " after the purge had removed, for good,"
            + " what hangs below them; name the relation in the model (@HasMany on the record of " + table + ", @BelongsTo"
            + " on the component of the record of " + from + "), or delete those rows first; the soft deletes this purge"
            + " took up are left as they were, none of their rows removed");
  }

  /** {@code [5, 6]}, or the first ten and more. */
  private static String listed(List<Object> keys) {
    String shown = keys.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
    return "[" + shown + (keys.size() > SHOWN ? ", ..." : "") + "]";
  }

  /**
   * The plain foreign keys into a table of the plan that its model does not name, read from the
   * catalog once a purge: every chunk of the plan's operations meets the same.
   */
  private List<Tables.Reference> unnamedReferences(DeletePlan<?> plan, String table) {
    return unnamedReferences.computeIfAbsent(plan.table() + " " + table, k -> Tables.of(handle).references(table).stream()
        .filter(reference -> !reference.acts())
        .filter(reference -> plan.schema().tables().stream()
            .noneMatch(t -> t.name().equalsIgnoreCase(reference.table()) && t.namesForeignKey(reference.column())))
        .toList());
  }

  /** A name from the catalog, quoted as the database stores it. */
  private String exactly(String stored) {
    return dialect == Dialect.MYSQL ? "`" + stored + "`" : "\"" + stored + "\"";
  }

  /**
   * Refuses, before any batch, soft-deleted operations whose roots no longer carry their marker
   * but another that no operation in the journal wrote ({@link ForeignMarkers}): purged, they would
   * be marked {@code PURGED} with every row still there. Gives the chunk's claims back first.
   */
  private void refuseForeignMarkers(
      DeletePlan<?> plan, List<Operation> claimed, List<Operation> softened, List<Root> softRoots) {
    List<Root> roots = softRoots.stream().filter(root -> root.marker() != null).toList();
    for (Operation operation : softened) {
      List<Root> named = roots.stream().filter(root -> operation.ids().contains(String.valueOf(root.key()))).toList();
      if (named.isEmpty() || named.stream().anyMatch(root -> root.marker().equals(operation.deletedAt()))) {
        continue;
      }
      List<Instant> unknown =
          Journals.unknownMarkers(handle, dialect, journal, plan.table(), named.stream().map(Root::marker).distinct().toList());
      if (!unknown.isEmpty()) {
        giveBack(claimed);
        throw new CascadeException(
            "cannot purge operation " + operation.deletionId() + ": "
                + ForeignMarkers.explain(plan.table(), named.stream().map(Root::key).toList(), unknown, operation.deletedAt()));
      }
    }
  }

  /**
   * The roots the soft-deleted operations name, with the marker each carries now (none for a live
   * one); none where the root table has no soft-delete column. Read once a chunk, for the refusal
   * above and the purge.
   */
  private List<Root> softRoots(DeletePlan<?> plan, List<Operation> softened) {
    Optional<String> column = plan.softDeleteColumn();
    if (softened.isEmpty() || column.isEmpty()) {
      return List.of();
    }
    return lookups(plan, markersByKey(softened))
        .list(Sql.of(keysAndMarkers(plan, plan.table(), column.get())), rootMapper(plan, column.get()), "looking up " + plan.table());
  }

  /** The markers of the soft-deleted operations, by the root key they name. */
  private static Map<String, List<Instant>> markersByKey(List<Operation> softened) {
    Map<String, List<Instant>> markers = new HashMap<>();
    for (Operation operation : softened) {
      operation.ids().forEach(id -> markers.computeIfAbsent(id, k -> new ArrayList<>()).add(operation.deletedAt()));
    }
    return markers;
  }

  /** Statements over the named roots' keys. */
  private Statements lookups(DeletePlan<?> plan, Map<String, List<Instant>> markers) {
    KeyType type = KeyType.of(plan.keyType());
    Keys named = Keys.of(plan.table(), markers.keySet().stream().sorted().map(type::parse).toList());
    return new Statements(handle, dialect, plan.schema(), Placeholders.of(dialect, named));
  }

  private static RowMapper<Root> rootMapper(DeletePlan<?> plan, String column) {
    return (rs, ctx) -> new Root(
        Columns.mapper(ctx, plan.keyType(), plan.table(), plan.keyColumn()).map(rs, 1, ctx),
        Columns.mapper(ctx, Instant.class, plan.table(), column).map(rs, 2, ctx));
  }

  private static boolean carries(Root root, Map<String, List<Instant>> markers) {
    return root.marker() != null && markers.getOrDefault(String.valueOf(root.key()), List.of()).contains(root.marker());
  }

  /**
   * The soft-deleted operations with a root in the root table's trash that still carries their
   * marker (a later delete trashed it, soft-deleted as it was).
   */
  private Set<String> waiting(
      DeletePlan<?> plan, String column, Statements lookups, RowMapper<Root> mapper, List<Operation> softened) {
    String trash = plan.trashTable();
    if (!Tables.of(handle).columns(trash).contains(column.toLowerCase(Locale.ROOT))) {
      return Set.of();
    }
    String lookup =
        keysAndMarkers(plan, trash, column) + " AND " + Protocol.ORIGINAL_TABLE + " = '" + plan.table() + "'";
    List<Root> copies = lookups.list(Sql.of(lookup), mapper, "looking up " + trash);
    Map<Instant, Set<String>> keysByMarker = new HashMap<>();
    copies.forEach(copy -> keysByMarker.computeIfAbsent(copy.marker(), m -> new HashSet<>()).add(String.valueOf(copy.key())));
    return softened.stream()
        .filter(operation -> {
          Set<String> trashed = keysByMarker.getOrDefault(operation.deletedAt(), Set.of());
          return !trashed.isEmpty() && operation.ids().stream().anyMatch(trashed::contains);
        })
        .map(Operation::deletionId)
        .collect(Collectors.toSet());
  }

  /** {@code SELECT id, deleted_at FROM table WHERE id IN (<ids>)}: the named roots' keys and markers. */
  private String keysAndMarkers(DeletePlan<?> plan, String table, String column) {
    String key = plan.schema().quote(plan.keyColumn(), dialect);
    return "SELECT " + key + ", " + plan.schema().quote(column, dialect) + " FROM " + plan.schema().quote(table, dialect)
        + " WHERE " + key + " IN (" + Protocol.IDS + ")";
  }

  private static String counted(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** A soft-deleted root: its key and the marker it carries. */
  private record Root(Object key, Instant marker) {}

  /**
   * What the purge did; or, where it left operations this build's model does not reach every row
   * of, a failure that names them after the others are purged: left alone for good, they would
   * never be purged without anyone knowing.
   */
  private PurgeResult result() {
    PurgeResult result =
        new PurgeResult(options.dryRun(), operations, runner.rows(), runner.nullified(), restrictedBy, runner.batches());
    if (unreached.isEmpty()) {
      return result;
    }
    throw new CascadeException(
        "purged " + counted(result.operations(), "operation") + " (" + counted(result.totalRows(), "row") + "), but left "
            + unreached.size() + " deleted that this build cannot purge: "
            + unreached.stream()
                .map(u -> "operation " + u.operation().deletionId() + " of " + u.operation().table() + " "
                    + u.operation().ids() + ": " + u.explain("purge"))
                .collect(Collectors.joining("; ")));
  }
}
