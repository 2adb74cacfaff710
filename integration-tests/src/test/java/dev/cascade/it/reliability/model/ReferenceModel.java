package dev.cascade.it.reliability.model;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.OnDelete;
import dev.cascade.it.reliability.ForumFlavour;
import dev.cascade.it.reliability.model.ForumShape.Relation;
import dev.cascade.runtime.IdConflict;
import dev.cascade.runtime.OperationState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * DESIGN.md's and the README's semantics in plain Java over {@link ForumState}: which rows a
 * delete removes or marks, which rows a restore brings back, when either must fail, and what the
 * journal then says. It never calls Cascade.
 */
final class ReferenceModel {
  private ReferenceModel() {}

  /**
   * A delete starts from the requested rows that exist (for SOFT, that are not soft-deleted yet):
   * an id that is gone deletes nothing, and its {@code RESTRICT}, {@code SET_NULL} and cascading
   * children are not looked at, even where rows still point at it (README, "Decisions").
   */
  static Outcome destroy(ForumState before, String table, List<Object> requested, DeleteStrategy strategy, boolean descendants) {
    Set<Object> ids = new LinkedHashSet<>(requested);
    ForumState after = before.copy();
    boolean soft = strategy == DeleteStrategy.SOFT;
    List<Map<String, Object>> roots =
        after.rows(table).stream().filter(r -> ids.contains(r.get("id")) && (!soft || ForumState.live(r))).toList();
    Set<Object> rootIds = new HashSet<>(roots.stream().map(r -> r.get("id")).toList());
    Map<String, List<Map<String, Object>>> reached;
    if (descendants) {
      for (Relation relation : ForumShape.RELATIONS) {
        if (relation.parent().equals(table) && relation.onDelete() == OnDelete.RESTRICT
            && after.rows(relation.child()).stream().anyMatch(r -> rootIds.contains(r.get(relation.column())))) {
          return new Outcome.Fails(relation.child() + " restricts deleting " + table + " " + ids);
        }
      }
      reached = closure(table, roots, after::rows, (parent, child) -> !soft || ForumState.live(child));
      reached.put(table, new ArrayList<>(roots));
    } else {
      reached = new LinkedHashMap<>(Map.of(table, new ArrayList<>(roots)));
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    reached.forEach((t, rows) -> {
      if (!rows.isEmpty()) {
        counts.put(t, (long) rows.size());
      }
    });
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    Object marker =
        roots.isEmpty() || strategy == DeleteStrategy.PERMANENT ? null : soft ? new Fresh.Mark() : new Fresh.DeletionId();
    if (!roots.isEmpty()) {
      after.journal().add(
          new JournalEntry(null, table, List.copyOf(ids), strategy, marker, total, OperationState.DELETED, after.day()));
    }
    if (soft) {
      reached.values().forEach(rows -> rows.forEach(r -> r.put("deleted_at", new Fresh.Mark())));
      return new Outcome.Succeeds(after, roots.size(), counts);
    }
    if (descendants) {
      for (Relation relation : ForumShape.RELATIONS) {
        if (relation.onDelete() == OnDelete.SET_NULL && relation.parent().equals(table)) {
          after.rows(relation.child()).stream().filter(r -> rootIds.contains(r.get(relation.column())))
              .forEach(r -> r.put(relation.column(), null));
        }
      }
    }
    reached.forEach((t, rows) -> {
      Set<Map<String, Object>> gone = identitySet(rows);
      after.rows(t).removeIf(gone::contains);
      if (strategy == DeleteStrategy.TRASH) {
        for (Map<String, Object> row : rows) {
          after.trash(t).add(trashCopy(before, t, row));
        }
      }
    });
    String broken = brokenForeignKey(after);
    if (broken != null) {
      return new Outcome.Fails("foreign key " + broken + " still points at a deleted row");
    }
    return new Outcome.Succeeds(after, roots.size(), counts);
  }

  /**
   * {@code XDeleter.purge(handle, PurgeOptions.olderThan(days))} (README, "Purge and batches"): the
   * operations rooted at the table that are still {@code DELETED}, were {@code SOFT} or {@code
   * TRASH}, and whose marker is before the clock's now minus the age, oldest first, each removed
   * whole and marked {@code PURGED}, the trashed ones' rows first; a soft-deleted one whose root a
   * later delete trashed, still carrying its marker, waits ({@code DELETED}) for that trash to be
   * purged or restored. A trashed one's rows are its trash rows, those carrying its
   * {@code deletion_id}; a soft-deleted one's are its roots that still carry its marker, deleted
   * {@code PERMANENT}ly with their whole cascade as {@code destroy} would (rows soft-deleted earlier
   * or added since below them too, {@code SET_NULL} rows unlinked). Nothing else changes: {@code
   * PERMANENT}, restored and younger operations, and those of other tables, stay as they are.
   *
   * <p>A marker is its day's start or a few steps after it, and the cutoff a day's start: an
   * operation is older than the cutoff when its day is before the cutoff's day.
   *
   * @return the outcome, its {@code deletedCount} the operations purged and its {@code rowsByTable}
   *     the rows removed (by trash table for trashed operations); null when a {@code RESTRICT} row
   *     stops one of several operations: the README says that batch stays unchanged, not whether
   *     the operations before it in the same call are purged
   */
  static Outcome purge(ForumState before, String table, int days) {
    ForumState state = before.copy();
    int cutoff = state.day() - days;
    List<JournalEntry> due =
        state.journal().stream()
            .filter(e -> e.table().equals(table) && e.deleted() && e.strategy() != DeleteStrategy.PERMANENT && e.day() < cutoff)
            .toList();
    Map<String, Long> counts = new LinkedHashMap<>();
    int purged = 0;
    // The trashed operations' rows go first, then the soft-deleted ones', as the runtime does.
    List<JournalEntry> trashedFirst =
        Stream.concat(
                due.stream().filter(e -> e.strategy() == DeleteStrategy.TRASH),
                due.stream().filter(e -> e.strategy() == DeleteStrategy.SOFT))
            .toList();
    for (JournalEntry operation : trashedFirst) {
      Object marker = operation.marker();
      if (operation.strategy() == DeleteStrategy.TRASH && marker != null) {
        for (String t : ForumShape.DELETABLE) {
          long n = state.trash(t).stream().filter(r -> marker.equals(r.get("deletion_id"))).count();
          if (n > 0) {
            state.trash(t).removeIf(r -> marker.equals(r.get("deletion_id")));
            counts.merge(t + "_trash", n, Long::sum);
          }
        }
      }
      boolean waits = false;
      if (operation.strategy() == DeleteStrategy.SOFT) {
        ForumState current = state;
        waits = marker != null && state.trash(table).stream()
            .anyMatch(r -> operation.ids().contains(r.get("id")) && marker.equals(r.get("deleted_at")));
        List<Object> roots = operation.ids().stream().filter(id -> stillDeletedBy(current, operation, id)).toList();
        if (!roots.isEmpty()) {
          Outcome removed = destroy(state, table, roots, DeleteStrategy.PERMANENT, true);
          if (removed instanceof Outcome.Fails) {
            return due.size() == 1 ? removed : null;
          }
          Outcome.Succeeds done = (Outcome.Succeeds) removed;
          state = done.after();
          state.journal().remove(state.journal().size() - 1);
          done.rowsByTable().forEach((t, n) -> counts.merge(t, n, Long::sum));
        }
      }
      if (!waits) {
        state.update(operation, operation.as(OperationState.PURGED));
        purged++;
      }
    }
    return new Outcome.Succeeds(state, purged, counts);
  }

  /** The trash copy of a row, remembering which row each of its foreign keys pointed at. */
  private static Map<String, Object> trashCopy(ForumState before, String table, Map<String, Object> row) {
    Map<String, Object> copy = new HashMap<>(row);
    copy.put("trashed_at", new Fresh.TrashedAt());
    copy.put("original_table", table);
    copy.put("deletion_id", new Fresh.DeletionId());
    for (Relation relation : ForumShape.parentsOf(table)) {
      if (relation.applies(row)) {
        before.row(relation.parent(), row.get(relation.column()))
            .ifPresent(parent -> copy.put(ForumState.PARENT + relation.column(), parent.get(ForumState.ROW)));
      }
    }
    return copy;
  }

  static Outcome restore(ForumState before, String table, Object id, IdConflict onConflict) {
    if (before.row(table, id).filter(r -> !ForumState.live(r)).isPresent()) {
      return restoreSoft(before.copy(), table, List.of(id));
    }
    if (before.trashedIds(table).contains(id)) {
      return restoreTrash(before.copy(), table, List.of(id), onConflict);
    }
    return new Outcome.Fails(table + " " + id + " is not deleted");
  }

  static Outcome restoreAll(ForumState before, String table, IdConflict onConflict) {
    ForumState state = before.copy();
    List<Object> soft =
        state.rows(table).stream()
            .filter(r -> !ForumState.live(r) && parentsLive(state, table, r, false))
            .map(r -> r.get("id"))
            .toList();
    if (!soft.isEmpty()) {
      Outcome outcome = restoreSoft(state, table, soft);
      if (outcome instanceof Outcome.Fails) {
        return outcome;
      }
    }
    List<Object> trashed =
        latestEntries(state, table).stream()
            .filter(entry -> parentsLive(state, table, entry, true))
            .map(entry -> entry.get("id"))
            .sorted(ForumFlavour.KEY_ORDER)
            .toList();
    if (!trashed.isEmpty()) {
      return restoreTrash(state, table, trashed, onConflict);
    }
    return new Outcome.Succeeds(state, -1, Map.of());
  }

  /**
   * {@code restoreOperation} (DESIGN.md, "Operations journal"): exactly that operation, that is
   * every root it deleted that is still deleted by it, with the rows its cascade removed, as a
   * restore of those roots would. Fails, changing nothing, for an operation the journal does not
   * know, one of another table, one deleted PERMANENTLY, one restored or purged already, and one none of
   * whose roots it still holds deleted.
   */
  static Outcome restoreOperation(ForumState before, String table, String deletionId, IdConflict onConflict) {
    JournalEntry operation = before.operation(deletionId).orElse(null);
    if (operation == null) {
      return new Outcome.Fails("no operation " + deletionId);
    }
    if (!operation.table().equals(table)) {
      return new Outcome.Fails("operation " + deletionId + " deleted " + operation.table() + ", not " + table);
    }
    if (!operation.deleted() || operation.strategy() == DeleteStrategy.PERMANENT) {
      return new Outcome.Fails("operation " + deletionId + " is " + operation.state() + " " + operation.strategy());
    }
    List<Object> own = operation.ids().stream().filter(id -> stillDeletedBy(before, operation, id)).toList();
    if (own.isEmpty()) {
      return new Outcome.Fails("operation " + deletionId + " holds none of its roots deleted any more");
    }
    return operation.strategy() == DeleteStrategy.TRASH
        ? restoreTrash(before.copy(), table, own, onConflict)
        : restoreSoft(before.copy(), table, own);
  }

  /** Whether this root id is deleted by this operation still: soft-deleted with its time, or its latest trash copy. */
  private static boolean stillDeletedBy(ForumState state, JournalEntry operation, Object id) {
    if (operation.marker() == null) {
      return false;
    }
    if (operation.strategy() == DeleteStrategy.TRASH) {
      return latestEntries(state, operation.table()).stream()
          .anyMatch(e -> Objects.equals(e.get("id"), id) && operation.marker().equals(e.get("deletion_id")));
    }
    return state.row(operation.table(), id).map(r -> operation.marker().equals(r.get("deleted_at"))).orElse(false);
  }

  /**
   * After a restore brought back roots deleted by operations with these markers: each such
   * operation that now holds none of its roots deleted is {@code RESTORED}. A soft delete's rows
   * that a later trash took keep its marker in the trash until then; once it is restored, they
   * lose it, so that undoing that trash brings them back live (README, "Restore").
   */
  private static void recordRestored(ForumState state, String table, DeleteStrategy strategy, Set<Object> markers) {
    Set<Object> whole = restoredWhole(state, table, strategy, markers);
    for (JournalEntry operation : List.copyOf(state.journal())) {
      if (operation.deleted() && operation.table().equals(table) && operation.strategy() == strategy
          && whole.contains(operation.marker())) {
        state.update(operation, operation.as(OperationState.RESTORED));
        if (strategy == DeleteStrategy.SOFT) {
          for (String t : ForumShape.DELETABLE) {
            state.trash(t).stream().filter(r -> operation.marker().equals(r.get("deleted_at"))).forEach(r -> r.put("deleted_at", null));
          }
        }
      }
    }
  }

  /** The markers of the operations of the table with these markers that now hold none of their roots deleted. */
  private static Set<Object> restoredWhole(ForumState state, String table, DeleteStrategy strategy, Set<Object> markers) {
    Set<Object> whole = new HashSet<>();
    for (JournalEntry operation : state.journal()) {
      if (operation.deleted() && operation.table().equals(table) && operation.strategy() == strategy
          && markers.contains(operation.marker())
          && operation.ids().stream().noneMatch(id -> stillDeletedBy(state, operation, id))) {
        whole.add(operation.marker());
      }
    }
    return whole;
  }

  /**
   * A trash copy of the table's tree that these soft deletes marked, which their restore is about
   * to unmark, whose parent the same trash holds soft-deleted by another delete: undoing the trash
   * would then bring it back live under that parent (README, "Restore"); null when none.
   */
  private static String trashedOrphan(ForumState state, String table, Set<Object> marks) {
    Set<String> tree = new LinkedHashSet<>(List.of(table));
    for (boolean grew = true; grew; ) {
      grew = false;
      for (String parent : List.copyOf(tree)) {
        for (Relation relation : ForumShape.cascadesFrom(parent)) {
          grew |= tree.add(relation.child());
        }
      }
    }
    for (String t : tree) {
      for (Map<String, Object> copy : ForumShape.DELETABLE.contains(t) ? state.trash(t) : List.<Map<String, Object>>of()) {
        if (!marks.contains(copy.get("deleted_at"))) {
          continue;
        }
        for (Relation relation : ForumShape.parentsOf(t)) {
          Object parent = copy.get(relation.column());
          if (relation.onDelete() == OnDelete.SET_NULL || parent == null || !relation.applies(copy)
              || !ForumShape.DELETABLE.contains(relation.parent())) {
            continue;
          }
          boolean heldSoftDeleted =
              state.trash(relation.parent()).stream()
                  .anyMatch(p -> Objects.equals(p.get("id"), parent) && Objects.equals(p.get("deletion_id"), copy.get("deletion_id"))
                      && !ForumState.live(p) && !marks.contains(p.get("deleted_at")));
          if (heldSoftDeleted) {
            return t + " " + copy.get("id") + " in the trash points at " + relation.parent() + " " + parent
                + ", which the same trash holds soft-deleted";
          }
        }
      }
    }
    return null;
  }

  /** Brings back the rows each root's soft delete marked: those carrying their parent's mark. */
  private static Outcome restoreSoft(ForumState state, String table, List<Object> ids) {
    List<Map<String, Object>> roots = state.rows(table).stream().filter(r -> ids.contains(r.get("id"))).toList();
    Map<String, List<Map<String, Object>>> back =
        closure(
            table,
            roots,
            state::rows,
            (parent, child) -> !ForumState.live(child) && Objects.equals(parent.get("deleted_at"), child.get("deleted_at")));
    String orphan = orphan(state, back, false, table, List.of());
    if (orphan != null) {
      return new Outcome.Fails(orphan);
    }
    Set<Object> markers = new HashSet<>(roots.stream().map(r -> r.get("deleted_at")).toList());
    back.values().forEach(rows -> rows.forEach(r -> r.put("deleted_at", null)));
    String trashedOrphan = trashedOrphan(state, table, restoredWhole(state, table, DeleteStrategy.SOFT, markers));
    if (trashedOrphan != null) {
      return new Outcome.Fails(trashedOrphan);
    }
    recordRestored(state, table, DeleteStrategy.SOFT, markers);
    return new Outcome.Succeeds(state, -1, Map.of());
  }

  /**
   * Brings back from the trash what each root's latest delete put there, all roots as one set. A
   * root whose id was taken comes back under a new key, and the restored rows that were its
   * children when they were trashed, whichever root's delete took them, point at that key
   * (README, "Restore": "its restored children ... are re-pointed to it").
   */
  private static Outcome restoreTrash(ForumState state, String table, List<Object> ids, IdConflict onConflict) {
    List<Map<String, Object>> rootEntries =
        latestEntries(state, table).stream().filter(e -> ids.contains(e.get("id"))).toList();
    Map<String, List<Map<String, Object>>> all =
        closure(
            table,
            rootEntries,
            state::trash,
            (parent, child) -> Objects.equals(parent.get("deletion_id"), child.get("deletion_id")));
    List<Map<String, Object>> taken = rootEntries.stream().filter(e -> state.row(table, e.get("id")).isPresent()).toList();
    String orphan = orphan(state, all, true, table, onConflict == IdConflict.FAIL ? List.of() : taken);
    if (orphan != null) {
      return new Outcome.Fails(orphan);
    }
    if (!taken.isEmpty() && onConflict == IdConflict.FAIL) {
      return new Outcome.Fails(table + " " + taken.get(0).get("id") + " has its id taken");
    }
    for (Map.Entry<String, List<Map<String, Object>>> entry : all.entrySet()) {
      for (Map<String, Object> row : entry.getValue()) {
        boolean root = entry.getKey().equals(table) && rootEntries.stream().anyMatch(r -> r == row);
        if (!root && state.row(entry.getKey(), row.get("id")).isPresent()) {
          return new Outcome.Fails(entry.getKey() + " " + row.get("id") + " has its id taken");
        }
      }
    }
    for (Map.Entry<String, List<Map<String, Object>>> entry : all.entrySet()) {
      if (entry.getValue().stream().map(r -> r.get("id")).distinct().count() < entry.getValue().size()) {
        return new Outcome.Fails("two " + entry.getKey() + " rows restored together share an id");
      }
    }
    Map<Map<String, Object>, Fresh.Key> newKeys = new IdentityHashMap<>();
    taken.forEach(root -> newKeys.put(root, new Fresh.Key(table, (String) root.get(ForumShape.TEXT.get(table)))));
    all.forEach((t, rows) -> {
      for (Map<String, Object> entry : rows) {
        state.trash(t).removeIf(e -> e == entry);
        state.rows(t).add(restoredRow(t, entry, table, newKeys));
      }
    });
    follow(state, table, newKeys);
    recordRestored(
        state, table, DeleteStrategy.TRASH, new HashSet<>(rootEntries.stream().map(e -> e.get("deletion_id")).toList()));
    return new Outcome.Succeeds(state, -1, Map.of());
  }

  /**
   * Points the copies left in the trash that pointed at a root given a new key, when they were
   * trashed, at that key, as the restore's own copies are: restored later, they come back under it
   * (README, "Restore").
   */
  private static void follow(ForumState state, String table, Map<Map<String, Object>, Fresh.Key> newKeys) {
    for (String t : ForumShape.DELETABLE) {
      for (Relation relation : ForumShape.parentsOf(t)) {
        if (!relation.parent().equals(table)) {
          continue;
        }
        for (Map<String, Object> entry : state.trash(t)) {
          newKeys.forEach((root, key) -> {
            if (relation.applies(entry) && pointedAtWhenTrashed(entry, relation, root)) {
              entry.put(relation.column(), key);
            }
          });
        }
      }
    }
  }

  /** Whether a trash copy points through the relation at this root, the row it pointed at when trashed. */
  private static boolean pointedAtWhenTrashed(Map<String, Object> copy, Relation relation, Map<String, Object> root) {
    return Objects.equals(copy.get(relation.column()), root.get("id"))
        && Objects.equals(copy.get(ForumState.PARENT + relation.column()), root.get(ForumState.ROW));
  }

  /** A trash copy as it comes back: a re-keyed root under its new key, a re-keyed root's child pointing at it. */
  private static Map<String, Object> restoredRow(
      String t, Map<String, Object> entry, String table, Map<Map<String, Object>, Fresh.Key> newKeys) {
    Map<String, Object> row = new HashMap<>(entry);
    ForumShape.TRASH_COLUMNS.forEach(row::remove);
    row.keySet().removeIf(k -> k.startsWith(ForumState.PARENT));
    if (newKeys.containsKey(entry)) {
      row.put("id", newKeys.get(entry));
    }
    for (Relation relation : ForumShape.parentsOf(t)) {
      if (relation.parent().equals(table) && relation.applies(row)) {
        newKeys.forEach((root, key) -> {
          if (pointedAtWhenTrashed(entry, relation, root)) {
            row.put(relation.column(), key);
          }
        });
      }
    }
    return row;
  }

  /**
   * For each trashed id of the table, its most recently trashed copy. Times are as the database
   * reads them back: an {@code Instant}, or on SQLite milliseconds since the epoch.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Map<String, Object>> latestEntries(ForumState state, String table) {
    Map<Object, Map<String, Object>> latest = new LinkedHashMap<>();
    Comparator<Map<String, Object>> byTime = Comparator.comparing(e -> (Comparable) e.get("trashed_at"));
    for (Map<String, Object> entry : state.trash(table)) {
      latest.merge(entry.get("id"), entry, (a, b) -> byTime.compare(a, b) >= 0 ? a : b);
    }
    return new ArrayList<>(latest.values());
  }

  /**
   * The roots and the rows below them, down cascading relations: a child joins when it points at a
   * row already reached and {@code together} accepts the pair (parent, child).
   */
  private static Map<String, List<Map<String, Object>>> closure(
      String table,
      List<Map<String, Object>> roots,
      Function<String, List<Map<String, Object>>> rowsOf,
      BiPredicate<Map<String, Object>, Map<String, Object>> together) {
    Map<String, List<Map<String, Object>>> reached = new LinkedHashMap<>();
    reached.put(table, new ArrayList<>(roots));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (String parent : List.copyOf(reached.keySet())) {
        for (Relation relation : ForumShape.cascadesFrom(parent)) {
          List<Map<String, Object>> rows = reached.computeIfAbsent(relation.child(), t -> new ArrayList<>());
          for (Map<String, Object> child : rowsOf.apply(relation.child())) {
            boolean joins =
                relation.applies(child)
                    && rows.stream().noneMatch(r -> r == child)
                    && reached.get(parent).stream().anyMatch(
                        p -> Objects.equals(p.get("id"), child.get(relation.column())) && together.test(p, child));
            if (joins) {
              rows.add(child);
              grew = true;
            }
          }
        }
      }
    }
    return reached;
  }

  /**
   * A restored row whose parent is neither live nor restored with it, described; null when none.
   * A row that will point at a root of the table coming back under a new key ({@code rekeyed},
   * trashed while it pointed at that root) has that root for its parent, not the row that took the
   * root's old key.
   */
  private static String orphan(
      ForumState state,
      Map<String, List<Map<String, Object>>> back,
      boolean fromTrash,
      String table,
      List<Map<String, Object>> rekeyed) {
    for (Map.Entry<String, List<Map<String, Object>>> entry : back.entrySet()) {
      for (Map<String, Object> row : entry.getValue()) {
        for (Relation relation : ForumShape.parentsOf(entry.getKey())) {
          Object parent = row.get(relation.column());
          if (parent == null || !relation.applies(row)) {
            continue;
          }
          // From the trash, a parent comes back as it went in, soft-deleted or not; a row that
          // comes back live needs one that comes back live, or one of its own operation, which
          // comes back as that operation found it (README, "Restore").
          boolean comesBack =
              back.getOrDefault(relation.parent(), List.of()).stream()
                  .anyMatch(p -> Objects.equals(p.get("id"), parent)
                      && (!fromTrash || !ForumState.live(row) || ForumState.live(p)
                          || Objects.equals(p.get("deletion_id"), row.get("deletion_id"))));
          boolean followsRekeyed =
              relation.parent().equals(table) && rekeyed.stream().anyMatch(root -> pointedAtWhenTrashed(row, relation, root));
          if ((followsRekeyed || !held(state, relation.parent(), parent, row, fromTrash)) && !comesBack) {
            return entry.getKey() + " " + row.get("id") + " points at " + relation.parent() + " " + parent + ", still deleted";
          }
        }
      }
    }
    return null;
  }

  private static boolean parentsLive(ForumState state, String table, Map<String, Object> row, boolean fromTrash) {
    for (Relation relation : ForumShape.parentsOf(table)) {
      Object parent = row.get(relation.column());
      if (parent != null && relation.applies(row) && !held(state, relation.parent(), parent, row, fromTrash)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a row coming back may point at this parent: a live one; from the trash, for a row that
   * comes back soft-deleted itself, a soft-deleted one too (README, "Restore").
   */
  private static boolean held(ForumState state, String table, Object parent, Map<String, Object> row, boolean fromTrash) {
    return state.isLive(table, parent) || (fromTrash && !ForumState.live(row) && state.row(table, parent).isPresent());
  }

  /**
   * Each live row under a parent that is gone or soft-deleted, through a relation that cascades:
   * {@code "live comments 4 under a deleted posts (comments.post_id)"}, without the parent's key,
   * which a restore under a new key changes. Only a delete {@code withDescendants(false)} may leave
   * one (README, "Delete"), and the application's own inserts ({@link Action.ReuseId}); no other
   * call may add one but a restore that brings such a row back as its operation found it (README,
   * "Restore": parents first). The runner checks that after every step:
   * where the model and Cascade agree on a wrong outcome, comparing them finds nothing (a
   * {@code restoreAll} brought back a comment live on a post it brought back soft-deleted in both,
   * found by the concurrency run).
   */
  static Set<String> liveUnderDeleted(ForumState state) {
    Set<String> found = new java.util.TreeSet<>();
    for (Relation relation : ForumShape.RELATIONS) {
      if (relation.onDelete() != OnDelete.CASCADE) {
        continue;
      }
      for (Map<String, Object> row : state.rows(relation.child())) {
        Object parent = row.get(relation.column());
        if (ForumState.live(row) && parent != null && relation.applies(row) && !state.isLive(relation.parent(), parent)) {
          found.add("live " + relation.child() + " " + row.get("id") + " under a deleted " + relation.parent()
              + " (" + relation.child() + "." + relation.column() + ")");
        }
      }
    }
    return found;
  }

  /** A foreign key constraint some row breaks, or null. */
  private static String brokenForeignKey(ForumState state) {
    for (Relation relation : ForumShape.RELATIONS) {
      if (!relation.constrained()) {
        continue;
      }
      for (Map<String, Object> row : state.rows(relation.child())) {
        Object parent = row.get(relation.column());
        if (parent != null && state.row(relation.parent(), parent).isEmpty()) {
          return relation.child() + "." + relation.column();
        }
      }
    }
    return null;
  }

  private static Set<Map<String, Object>> identitySet(List<Map<String, Object>> rows) {
    Set<Map<String, Object>> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(rows);
    return set;
  }
}
