package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.cascade.processor.model.GeneratedNames;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.plan.Check;
import dev.cascade.processor.plan.Checks;
import dev.cascade.processor.plan.Count;
import dev.cascade.processor.plan.ModelPlan;
import dev.cascade.processor.plan.RestoreStep;
import dev.cascade.processor.plan.SoftRestorePlan;
import dev.cascade.processor.plan.TrashedCheck;
import dev.cascade.processor.plan.TrashRestorePlan;
import dev.cascade.processor.write.Members.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Writes {@code XRestorer}: the SQL constants, the soft and trash plans, and the static API. */
public final class RestorerWriter {
  private static final String INDENT = "  ";

  private RestorerWriter() {}

  /**
   * The class for this plan; {@code annotated}: with {@code @Generated}, which a named module can
   * name only when it reads {@code java.compiler}.
   */
  public static SourceFile write(ModelPlan plan, boolean annotated) {
    ModelSpec model = plan.root();
    ClassName restorer = GeneratedNames.restorer(model.type());
    ClassName deleter = GeneratedNames.deleter(model.type());
    SqlFields sql = new SqlFields(plan.restorerSql());
    TypeName key = model.key().orElseThrow().type();

    Members members = new Members(INDENT);
    sql.addFields(members);
    Optional<StepRows> soft = plan.restore().soft().map(restore -> soft(restore, sql));
    StepRows trash = trash(plan.restore().trash(), sql);
    StepLists lists = new StepLists(Stream.concat(soft.stream(), Stream.of(trash)).toList());
    soft.ifPresent(
        rows ->
            lists.field(
                members,
                "SOFT: checks, then clears the soft-delete column of one operation's rows, children first.",
                "private static final",
                "SOFT",
                rows));
    lists.field(
        members,
        "TRASH: checks, then copies one operation's rows back, parents first, and empties\n"
            + "them from the trash, children first.",
        "private static final",
        "TRASH",
        trash);
    members.field(
        null,
        "private static final",
        ParameterizedTypeName.get(RuntimeTypes.RESTORE_PLAN, model.type()),
        "PLAN",
        restorePlan(model, plan, sql, deleter));
    members.add().add(INDENT + "private $L() {\n" + INDENT + "}\n", restorer.simpleName());
    addMethods(members, model, key);

    Code file =
        GeneratedClass.of(
            plan,
            restorer,
            "Restores {@link $T} rows of {@code $L} with exactly the rows their delete removed:",
            "A row deleted earlier on its own carries another operation's mark and stays\n"
            + "deleted. Every statement is set-based; they run in one transaction, in the order\n"
            + "they are declared here: first for a soft delete, then for the trash.\n",
            annotated,
            members);
    return SourceFile.of(restorer, model.origin().element(), Set.of(), file);
  }

  private static StepRows soft(SoftRestorePlan soft, SqlFields sql) {
    StepRows rows = new StepRows(RuntimeTypes.SOFT_RESTORE, new Code());
    rows.add("lookup", "$L", sql.use(soft.lookup()));
    rows.add("restorable", "$L", sql.use(soft.restorable()));
    parentChecks(rows, soft.checks(), sql);
    steps(rows, soft.steps(), sql);
    counts(rows, soft.counts(), sql);
    for (TrashedCheck check : soft.trashedChecks()) {
      rows.add(
          "checkTrashedParent", "$S, $S, $S, $S, $L", check.table(), check.column(), check.parent(), check.parentTrash(),
          sql.use(check.constant()));
    }
    return rows;
  }

  private static StepRows trash(TrashRestorePlan trash, SqlFields sql) {
    StepRows rows = new StepRows(RuntimeTypes.TRASH_RESTORE, new Code());
    rows.add("lookup", "$L", sql.use(trash.lookup()));
    rows.add("restorable", "$L", sql.use(trash.restorable()));
    rows.add("scope", "$L", sql.use(trash.scope()));
    trash.nested().ifPresent(nested -> rows.add("nested", "$L", sql.use(nested)));
    rows.add("records", "$L", sql.use(trash.records()));
    parentChecks(rows, trash.checks(), sql);
    rows.add("takenRoots", "$L", sql.use(trash.takenRoots()));
    trash.taken().combined().ifPresent(combined -> rows.add("taken", "$L", sql.use(combined)));
    for (Check check : trash.taken().checks()) {
      rows.add("checkTaken", "$S, $S, $L", check.table(), check.column(), sql.use(check.constant()));
    }
    trash.insertWithNewKey().ifPresent(insert -> rows.add("insertWithNewKey", "$L", sql.use(insert)));
    steps(rows, trash.steps(), sql);
    counts(rows, trash.counts(), sql);
    return rows;
  }

  private static void parentChecks(StepRows rows, Checks checks, SqlFields sql) {
    checks.combined().ifPresent(combined -> rows.add("checks", "$L", sql.use(combined)));
    for (Check check : checks.checks()) {
      rows.add("checkParent", "$S, $S, $S, $L", check.table(), check.column(), check.parent(), sql.use(check.constant()));
    }
  }

  private static void steps(StepRows rows, List<RestoreStep> steps, SqlFields sql) {
    for (RestoreStep step : steps) {
      String method =
          switch (step.kind()) {
            case UNMARK -> "unmark";
            case INSERT -> "insert";
            case RELINK -> "relink";
            case PURGE -> "purge";
            case FOLLOW -> "follow";
          };
      rows.add(step.root() ? method + "Roots" : method, "$S, $L", step.table(), sql.use(step.constant()));
    }
  }

  /** {@code "count", "posts", SOFT_DELETED_POSTS}: what a preview counts, the restore's own queries of keys. */
  private static void counts(StepRows rows, List<Count> counts, SqlFields sql) {
    for (Count count : counts) {
      rows.add("count", "$S, $L", count.table(), sql.use(count.constant()));
    }
  }

  private static Code restorePlan(ModelSpec model, ModelPlan plan, SqlFields sql, ClassName deleter) {
    String line = "\n" + INDENT.repeat(3);
    Code code =
        Code.of(
                "$T.builder($T.class, $S, $S, $T.class, $T.SCHEMA)",
                RuntimeTypes.RESTORE_PLAN,
                model.type(),
                model.table(),
                model.key().orElseThrow().name(),
                model.key().orElseThrow().type().box(),
                deleter)
            .add(
                line + ".records($L, $T.ROW_MAPPER, $T::$N)",
                sql.use(plan.restore().selectRecords()),
                deleter,
                model.type(),
                model.key().orElseThrow().component())
            .add(line + ".liveIds($L)", sql.use(plan.restore().liveIds()));
    if (plan.restore().soft().isPresent()) {
      code.add(line + ".soft(SOFT)");
    }
    return code.add(line + ".trash(TRASH)" + line + ".build()");
  }

  private static void addMethods(Members members, ModelSpec model, TypeName key) {
    ClassName record = model.type();
    TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), record);
    Parameter id = new Parameter(key, "id");
    Parameter options = new Parameter(RuntimeTypes.RESTORE_OPTIONS, "options");
    Parameter deletionId = new Parameter(RuntimeTypes.STRING, "deletionId");
    DeleterWriter.api(members, record, "restore", List.of(id),
        Code.of(
            "Restores the {@link $T} with this id and the rows its delete removed; returns it,\n"
                + (model.softDeleteColumn().isPresent()
                    ? "live, or still soft-deleted where that delete trashed it soft-deleted (restore it\n"
                        + "again to undo the soft delete). "
                    : "live. ")
                + "Fails if it is not soft-deleted or in the trash.\n",
            record),
        Code.of("return restore(handle, id, $T.defaults())", RuntimeTypes.RESTORE_OPTIONS));
    DeleterWriter.api(members, record, "restore", List.of(id, options),
        Code.of("Restores the {@link $T} with this id and the rows its delete removed.\n", record),
        Code.of("return $T.restore(handle, PLAN, id, options)", RuntimeTypes.RESTORATIONS));
    DeleterWriter.api(members, RuntimeTypes.RESTORE_PREVIEW, "preview", List.of(id),
        Code.of(
            "What restoring the {@link $T} with this id would bring back, and what would block it;\n"
                + "changes nothing. Fails as {@code restore} does if it is not deleted.\n",
            record),
        Code.of("return preview(handle, id, $T.defaults())", RuntimeTypes.RESTORE_OPTIONS));
    DeleterWriter.api(members, RuntimeTypes.RESTORE_PREVIEW, "preview", List.of(id, options),
        Code.of("What restoring the {@link $T} with this id and these options would do.\n", record),
        Code.of("return $T.preview(handle, PLAN, id, options)", RuntimeTypes.RESTORATIONS));
    DeleterWriter.api(members, list, "restoreAll", List.of(),
        Code.of(
            "Restores every deleted {@link $T} whose parents are not deleted, each with the rows\n"
                + "its own delete removed; returns them.\n",
            record),
        Code.of("return restoreAll(handle, $T.defaults())", RuntimeTypes.RESTORE_OPTIONS));
    DeleterWriter.api(members, list, "restoreAll", List.of(options),
        Code.of("Restores every deleted {@link $T} whose parents are not deleted.\n", record),
        Code.of("return $T.restoreAll(handle, PLAN, options)", RuntimeTypes.RESTORATIONS));
    DeleterWriter.api(members, list, "restoreOperation", List.of(deletionId),
        Code.of(
            "Restores exactly the delete operation with this id ({@code DeleteResult.deletionId()},\n"
                + "{@code Journal.recent(handle, n)}): every {@link $T} it deleted that is still deleted\n"
                + "by it, with the rows its cascade removed; returns them.\n",
            record),
        Code.of("return restoreOperation(handle, deletionId, $T.defaults())", RuntimeTypes.RESTORE_OPTIONS));
    DeleterWriter.api(members, list, "restoreOperation", List.of(deletionId, options),
        Code.of("Restores exactly the delete operation with this id.\n"),
        Code.of("return $T.restoreOperation(handle, PLAN, deletionId, options)", RuntimeTypes.RESTORATIONS));
  }
}
