package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeEvent;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.IdConflict;
import dev.cascade.runtime.IdTakenException;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.runtime.TrashRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Runs a generated restorer's plan: brings back exactly the rows one delete operation removed,
 * from a soft delete or from the trash, atomically, with the listeners around it.
 */
public final class Restorations {
  private Restorations() {}

  /** Restores one id and returns its live record; fails if it is not deleted. */
  public static <T> T restore(Handle handle, RestorePlan<T> plan, Object id, RestoreOptions options) {
    Deletions.requireOptions(plan.table(), options, "RestoreOptions");
    Keys keys = Keys.of(plan.table(), java.util.Collections.singletonList(id));
    Dialect dialect = dialectOf(handle, plan);
    return Transactions.atomically(
        handle, keys, () -> new Restoration<>(handle, dialect, plan, options).restoreRequested(keys).get(0));
  }

  /**
   * Restores every deleted row of the model whose parents are live, each with the rows its own
   * delete removed; returns them.
   */
  public static <T> List<T> restoreAll(Handle handle, RestorePlan<T> plan, RestoreOptions options) {
    Deletions.requireOptions(plan.table(), options, "RestoreOptions");
    Dialect dialect = dialectOf(handle, plan);
    return Transactions.atomically(
        handle, plan.table(), () -> new Restoration<>(handle, dialect, plan, options).restoreEverything());
  }

  private static Dialect dialectOf(Handle handle, RestorePlan<?> plan) {
    if (handle == null) {
      throw new CascadeException(plan.table() + ": the handle is null");
    }
    if (handle.isClosed()) {
      throw new CascadeException(plan.table() + ": the handle is closed; open a new one");
    }
    return Dialect.of(handle);
  }

  /** One restore call. */
  private static final class Restoration<T> {
    private final Handle handle;
    private final Dialect dialect;
    private final RestorePlan<T> plan;
    private final RestoreOptions options;
    private final Events<T> events;

    Restoration(Handle handle, Dialect dialect, RestorePlan<T> plan, RestoreOptions options) {
      this.handle = handle;
      this.dialect = dialect;
      this.plan = plan;
      this.options = options;
      this.events =
          new Events<>(
              handle, plan.type(), options.skipEvents(), CascadeEvent.Kind.RESTORING, CascadeEvent.Kind.RESTORED);
    }

    /** Restores exactly the requested ids; each must be soft-deleted or in the trash. */
    List<T> restoreRequested(Keys requested) {
      List<Object> soft =
          plan.soft().isPresent()
              ? sql(requested).ids(plan.soft().get().deletedIds(), plan.keyType(), "looking up " + plan.table())
              : List.of();
      List<Object> remaining = minus(requested.ids(), soft);
      List<Object> trashed =
          remaining.isEmpty() || !Tables.of(handle).exists(plan.trashTable())
              ? List.of()
              : sql(keys(remaining)).ids(plan.trash().trashedIds(), plan.keyType(), "looking up " + plan.trashTable());
      List<Object> missing = minus(remaining, trashed);
      if (!missing.isEmpty()) {
        throw notDeleted(keys(missing));
      }
      List<T> restored = new ArrayList<>();
      if (!soft.isEmpty()) {
        restored.addAll(restoreSoft(keys(soft)));
      }
      if (!trashed.isEmpty()) {
        restored.addAll(restoreTrash(keys(trashed)));
      }
      return restored;
    }

    /** Restores every deleted row whose parents are live: soft deletes first, then the trash. */
    List<T> restoreEverything() {
      Keys none = keys(List.of());
      List<T> restored = new ArrayList<>();
      if (plan.soft().isPresent()) {
        List<Object> soft = sql(none).ids(plan.soft().get().restorable(), plan.keyType(), "listing soft-deleted " + plan.table());
        if (!soft.isEmpty()) {
          restored.addAll(restoreSoft(keys(soft)));
        }
      }
      if (Tables.of(handle).exists(plan.trashTable())) {
        List<Object> trashed = sql(none).ids(plan.trash().restorable(), plan.keyType(), "listing " + plan.trashTable());
        if (!trashed.isEmpty()) {
          restored.addAll(restoreTrash(keys(trashed)));
        }
      }
      return restored;
    }

    private List<T> restoreSoft(Keys ids) {
      SoftRestore soft = plan.soft().orElseThrow();
      Statements sql = sql(ids);
      List<T> before = events.active() ? sql.list(plan.selectRecords(), plan.rowMapper(), "loading " + plan.table()) : List.of();
      events.fire(CascadeEvent.Kind.RESTORING, plan.table(), before, plan::keyOf, DeleteStrategy.SOFT, 0, Map.of(), Optional.empty());

      runChecks(soft.checks(), sql, ids);
      Map<String, Long> rows = new LinkedHashMap<>();
      long roots = 0;
      for (Step step : soft.unmarks()) {
        int count = sql.update(step.sql(), Map.of(), Deletions.describe(step));
        rows.merge(step.table(), (long) count, Long::sum);
        roots += step.root() ? count : 0;
      }
      // A tree's root table brings back the rows below the roots too, so only a shortfall counts.
      if (roots < ids.ids().size()) {
        throw new CascadeException(
            "restoring " + ids + " found " + roots + " of " + ids.ids().size() + " rows still soft-deleted when it ran;"
                + " another transaction restored or deleted them meanwhile, so nothing was changed: retry");
      }
      List<T> restored = sql.list(plan.selectRecords(), plan.rowMapper(), "loading " + plan.table());
      events.fire(CascadeEvent.Kind.RESTORED, plan.table(), restored, plan::keyOf, DeleteStrategy.SOFT, roots, rows, Optional.empty());
      return restored;
    }

    private List<T> restoreTrash(Keys ids) {
      TrashRestore trash = plan.trash();
      Statements sql = sql(ids);
      Map<Object, TrashRecord> info = trashInfo(sql);
      List<T> before = events.active() ? sql.list(trash.trashedRecords(), plan.rowMapper(), "loading " + plan.trashTable()) : List.of();
      fireWithTrash(CascadeEvent.Kind.RESTORING, before, info, plan::keyOf, 0, Map.of());

      runChecks(trash.checks(), sql, ids);
      List<Object> taken = sql.ids(trash.rootConflicts(), plan.keyType(), "checking " + plan.table() + " ids");
      if (!taken.isEmpty() && (options.onIdConflict() == IdConflict.FAIL || trash.insertWithNewKey().isEmpty())) {
        throw rootIdTaken(taken);
      }
      for (Check conflict : trash.conflicts()) {
        sql.first(conflict.sql(), "checking " + conflict.table() + " ids")
            .ifPresent(
                id -> {
                  throw new IdTakenException(
                      conflict.table(),
                      id,
                      "cannot restore " + ids + ": " + conflict.table() + " " + id
                          + ", deleted with it, has its id taken by another row since, so nothing was changed;"
                          + " free that id (delete or re-key the row that holds it) and restore again");
                });
      }

      Map<String, Long> rows = new LinkedHashMap<>();
      List<Object> restoredKeys = new ArrayList<>();
      Map<Object, Object> newKeys = new HashMap<>();
      for (Object reused : taken) {
        Object fresh = insertUnderNewKey(reused);
        newKeys.put(reused, fresh);
        copyBack(keys(List.of(reused)), reused, fresh, rows);
        rows.merge(plan.table(), 1L, Long::sum);
        restoredKeys.add(fresh);
      }
      List<Object> clean = minus(ids.ids(), taken);
      if (!clean.isEmpty()) {
        copyBack(keys(clean), null, null, rows);
        restoredKeys.addAll(clean);
      }

      List<T> restored = sql(keys(restoredKeys)).list(plan.selectRecords(), plan.rowMapper(), "loading " + plan.table());
      Map<Object, TrashRecord> infoByNewKey = new HashMap<>();
      info.forEach((key, record) -> infoByNewKey.put(newKeys.getOrDefault(key, key), record));
      fireWithTrash(CascadeEvent.Kind.RESTORED, restored, infoByNewKey, plan::keyOf, restored.size(), rows);
      return restored;
    }

    /**
     * Copies the rows of these roots' deletes back, parents first, then removes them from the
     * trash, children first; every table must lose from the trash exactly what it got back.
     */
    private void copyBack(Keys roots, Object reusedKey, Object newKey, Map<String, Long> rows) {
      Statements sql = sql(roots);
      Map<String, Object> values = new HashMap<>();
      values.put("reusedKey", new Statements.Typed(reusedKey, plan.keyType()));
      values.put("newKey", new Statements.Typed(newKey, plan.keyType()));
      Map<String, Long> inserted = new LinkedHashMap<>();
      long rootsBack = 0;
      for (Step step : plan.trash().inserts()) {
        int count = sql.update(step.sql(), values, Deletions.describe(step));
        inserted.merge(step.table(), (long) count, Long::sum);
        rootsBack += step.root() ? count : 0;
      }
      // A tree's root table brings back the rows below the roots too, so only a shortfall counts.
      if (reusedKey == null && rootsBack < roots.ids().size()) {
        throw new CascadeException(
            "restoring " + roots + " copied " + rootsBack + " of " + roots.ids().size() + " rows back from "
                + plan.trashTable() + "; another transaction restored or deleted them meanwhile, so nothing was changed: retry");
      }
      for (Step step : plan.trash().purges()) {
        int purged = sql.update(step.sql(), Map.of(), Deletions.describe(step));
        long back = inserted.getOrDefault(step.table(), 0L) + (step.root() && reusedKey != null ? 1 : 0);
        if (purged != back) {
          throw new CascadeException(
              "restoring " + roots + " copied " + back + " rows of " + step.table() + " back but found " + purged
                  + " in the trash, so nothing was changed: either the trash changed while the restore ran (retry), or"
              + " the new key the database gave a restored row is the id of another row being restored (SQLite"
              + " reuses the highest ids of tables without AUTOINCREMENT): restore with IdConflict.FAIL, or free the id");
        }
      }
      inserted.forEach((table, count) -> rows.merge(table, count, Long::sum));
    }

    /** Restores a root whose id was taken under a key the database generates, and returns it. */
    private Object insertUnderNewKey(Object reused) {
      Sql insert = plan.trash().insertWithNewKey().orElseThrow(() -> rootIdTaken(List.of(reused)));
      try {
        return sql(keys(List.of(reused)))
            .insertReturningKey(
                insert,
                Map.of("reusedKey", reused),
                plan.keyColumn(),
                plan.keyType(),
                "restoring " + plan.table() + " " + reused + " under a new key");
      } catch (CascadeException e) {
        throw new CascadeException(
            "cannot restore " + plan.table() + " " + reused + " under a new key: another row has taken its id, and the"
                + " database did not generate a new " + plan.table() + "." + plan.keyColumn()
                + " (does the column have a default or an identity?); restore with IdConflict.FAIL, or free the id. "
                + e.getMessage(),
            e);
      }
    }

    /**
     * Roots whose id another row has taken: with {@link IdConflict#FAIL}, or with a key the
     * database does not generate, which {@link IdConflict#ASSIGN_NEW} cannot replace.
     */
    private IdTakenException rootIdTaken(List<Object> taken) {
      String cannot = "cannot restore " + keys(taken) + ": another row has taken its id since it was deleted, so nothing was changed; ";
      if (plan.trash().insertWithNewKey().isPresent()) {
        return new IdTakenException(
            plan.table(),
            taken.get(0),
            cannot + "restore with IdConflict.ASSIGN_NEW to give it a new key, or free the id (delete or re-key the row"
                + " that holds it) and restore again");
      }
      return new IdTakenException(
          plan.table(),
          taken.get(0),
          cannot + plan.table() + "." + plan.keyColumn() + " is not a key the database generates, so IdConflict.ASSIGN_NEW"
              + " cannot give it a new one: free the id (delete or re-key the row that holds it) and restore again"
              + (plan.keyType() == java.util.UUID.class
                  ? " (a random UUID is taken again only by code that reuses it, such as an import or an upsert of the same row)"
                  : ""));
    }

    private Map<Object, TrashRecord> trashInfo(Statements sql) {
      Map<Object, TrashRecord> info = new HashMap<>();
      sql.list(
              plan.trash().trashInfo(),
              (rs, ctx) ->
                  Map.entry(
                      Columns.mapper(ctx, plan.keyType(), plan.trashTable(), plan.keyColumn()).map(rs, 1, ctx),
                      new TrashRecord(
                          plan.trashTable(),
                          plan.table(),
                          rs.getString(2),
                          Columns.mapper(ctx, Instant.class, plan.trashTable(), "deleted_at").map(rs, 3, ctx))),
              "reading " + plan.trashTable())
          .forEach(entry -> info.put(entry.getKey(), entry.getValue()));
      return info;
    }

    private void fireWithTrash(
        CascadeEvent.Kind kind,
        List<T> records,
        Map<Object, TrashRecord> info,
        Function<T, Object> keyOf,
        long count,
        Map<String, Long> rows) {
      for (T record : records) {
        events.fire(
            kind,
            plan.table(),
            List.of(record),
            keyOf,
            DeleteStrategy.TRASH,
            count,
            rows,
            Optional.ofNullable(info.get(keyOf.apply(record))));
      }
    }

    /** Any row a check selects fails the restore, naming the parent that is still deleted. */
    private void runChecks(List<Check> checks, Statements sql, Keys ids) {
      for (Check check : checks) {
        sql.first(check.sql(), "checking " + check.table() + "." + check.column())
            .ifPresent(
                parent -> {
                  String relation = check.table() + "." + check.column() + " -> " + check.parent();
                  String whose =
                      check.table().equals(plan.table())
                          ? "its parent"
                          : check.table() + " deleted with it belong to";
                  throw new CascadeException(
                      "cannot restore " + ids + ": " + whose + " " + check.parent() + " " + parent
                          + ", which is still deleted (" + relation + "); restore that " + check.parent()
                          + " row first");
                });
      }
    }

    private CascadeException notDeleted(Keys missing) {
      List<Object> live = sql(missing).ids(plan.liveIds(), plan.keyType(), "looking up " + plan.table());
      if (!live.isEmpty()) {
        return new CascadeException("cannot restore " + keys(live) + ": it is not deleted");
      }
      return new CascadeException(
          "cannot restore " + missing + ": it is neither soft-deleted nor in " + plan.trashTable()
              + "; rows deleted PERMANENTLY cannot be restored");
    }

    private Statements sql(Keys keys) {
      return new Statements(handle, dialect, keys);
    }

    private Keys keys(Collection<?> ids) {
      return Keys.of(plan.table(), ids);
    }

    private static List<Object> minus(List<Object> all, Collection<Object> taken) {
      Set<Object> out = new LinkedHashSet<>(all);
      out.removeAll(taken);
      return new ArrayList<>(out);
    }
  }
}
