package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.processor.model.GeneratedNames;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.plan.Count;
import dev.cascade.processor.plan.DeleteStep;
import dev.cascade.processor.plan.Dialect;
import dev.cascade.processor.plan.ModelPlan;
import dev.cascade.processor.plan.Restriction;
import dev.cascade.processor.plan.SchemaTable;
import dev.cascade.processor.plan.StrategyPlan;
import dev.cascade.processor.write.Members.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Writes {@code XDeleter}: the SQL constants, one plan per strategy, and the static API. */
public final class DeleterWriter {
  private static final String INDENT = "  ";
  private static final String REGISTRATION = "Registration";
  private static final ClassName COLLECTIONS = ClassName.get(Collections.class);

  private DeleterWriter() {}

  /**
   * The class for this plan; {@code annotated}: with {@code @Generated}, which a named module can
   * name only when it reads {@code java.compiler}.
   */
  public static SourceFile write(ModelPlan plan, boolean annotated) {
    ModelSpec model = plan.root();
    ClassName deleter = GeneratedNames.deleter(model.type());
    SqlFields sql = new SqlFields(plan.deleterSql());
    TypeName key = model.key().orElseThrow().type();
    ClassName rowMapper = RowMapperWriter.name(deleter, model);

    Members members = new Members(INDENT);
    model
        .softDeleteColumn()
        .ifPresent(
            column ->
                members.add()
                    .javadoc(
                        INDENT,
                        "The condition that keeps soft-deleted rows of {@code $L} out of your own"
                            + " queries; in a join,\nor for a column a database reserves, use {@link #notDeleted}.\n",
                        model.table())
                    .add(INDENT + "public static final $T NOT_DELETED = $S;\n", RuntimeTypes.STRING, column.name() + " IS NULL"));
    sql.addFields(members);

    Map<DeleteStrategy, StepRows> strategies = new LinkedHashMap<>();
    plan.delete().strategies().forEach((kind, strategy) -> strategies.put(kind, strategy(kind, strategy, sql)));
    StepRows schema = schema(plan.schema(), plan.reserved());
    StepLists lists = new StepLists(Stream.concat(strategies.values().stream(), Stream.of(schema)).toList());
    strategies.forEach(
        (kind, rows) -> lists.field(members, strategyDoc(kind), "private static final", kind.name(), rows));
    members.field(
        Code.of("Reads {@link $T} rows; the restorer uses it too.", model.type()).toString(),
        "static final",
        ParameterizedTypeName.get(RuntimeTypes.ROW_MAPPER, model.type()),
        "ROW_MAPPER",
        Code.of("new $T()", rowMapper));
    lists.field(members, "The tables this deleter touches; the restorer uses it too.", "static final", "SCHEMA", schema);
    members.field(
        null,
        "private static final",
        ParameterizedTypeName.get(RuntimeTypes.DELETE_PLAN, model.type()),
        "PLAN",
        deletePlan(model, plan, sql));

    members.add().add(INDENT + "private $L() {\n" + INDENT + "}\n", deleter.simpleName());
    addMethods(members, model, key);
    members.method(
        Code.of(
            "The tables this deleter touches, with their columns: for {@code TrashTables.ddl}\n"
                + "and {@code SchemaCheck}.\n"),
        Code.of("public static $T schema", RuntimeTypes.CASCADE_SCHEMA).toString(),
        List.of(),
        Code.of("return SCHEMA"));
    model.softDeleteColumn().ifPresent(column -> notDeleted(members, model, column.name()));

    RowMapperWriter.write(members, deleter, model);
    registration(members, model);

    Code file =
        GeneratedClass.of(
            plan,
            deleter,
            "Deletes {@link $T} rows from {@code $L}, with the rows that hang off them:",
            "Every statement is set-based: how many run depends on this schema, never on the\n"
            + "number of rows. They run children first, in one transaction, in the order they are\n"
            + "declared here, strategy by strategy.\n",
            annotated,
            members);
    return SourceFile.of(
        deleter, model.origin().element(), Set.of(rowMapper.simpleName(), REGISTRATION), file);
  }

  /** The name {@code META-INF/services} lists this deleter under: its nested {@code Registration}. */
  public static ClassName registration(ClassName deleter) {
    return deleter.nestedClass(REGISTRATION);
  }

  /** {@code Registration implements GeneratedDeleter}: how {@code Journal.purge} finds this deleter. */
  private static void registration(Members members, ModelSpec model) {
    String indent = members.indent();
    members.add()
        .javadoc(
            indent,
            "Lists this deleter for {@code Journal.purge}, which finds it through\n"
                + "{@code META-INF/services}; not for your own code.\n")
        .add(indent + "public static final class $L implements $T {\n", REGISTRATION, RuntimeTypes.GENERATED_DELETER)
        .add(indent + "  @Override\n")
        .add(indent + "  public $T plan() {\n", ParameterizedTypeName.get(RuntimeTypes.DELETE_PLAN, model.type()))
        .add(indent + "    return PLAN;\n")
        .add(indent + "  }\n")
        .add(indent + "}\n");
  }

  /** {@code CascadeSchema.of("table", "posts", ...,\n "key", "id", long.class, ...)}. */
  private static StepRows schema(List<SchemaTable> tables, Map<String, List<Dialect>> reserved) {
    StepRows rows = new StepRows(RuntimeTypes.CASCADE_SCHEMA, new Code());
    reserved.forEach(
        (name, dialects) ->
            rows.add(
                "reserved",
                "$S, $L",
                name,
                Code.join(dialects.stream().map(d -> Code.of("$T.$L", RuntimeTypes.DIALECT, d.name())).toList(), ", ")));
    for (SchemaTable table : tables) {
      if (table.trashTable().isPresent()) {
        rows.add("table", "$S, $S, $S", table.name(), table.trashTable().get(), table.trashTimeColumn());
        table.softDeleteColumn().ifPresent(column -> rows.addBelow("softDeleteColumn", "$S", column));
      } else {
        rows.add("relatedTable", "$S", table.name());
      }
      for (SchemaTable.SchemaColumn column : table.columns()) {
        String step =
            switch (column.role()) {
              case KEY -> "key";
              case KEY_AND_FOREIGN_KEY -> "keyAndForeignKey";
              case FOREIGN_KEY -> "foreignKey";
              case PLAIN -> "column";
            };
        rows.addBelow(step, "$S, $T.class", column.name(), raw(column.type()));
        column.filteredBy().forEach(filter -> rows.addBelow("filteredBy", "$S", filter));
      }
    }
    return rows;
  }

  private static TypeName raw(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized ? parameterized.rawType() : type;
  }

  private static String strategyDoc(DeleteStrategy strategy) {
    return switch (strategy) {
      case PERMANENT -> "PERMANENT: checks, then statements children first; the rows are gone.";
      case SOFT -> "SOFT: checks, then marks rows not soft-deleted yet, children first.";
      case TRASH -> "TRASH: checks, then copies rows into their trash tables and deletes them, children first;"
          + " the runtime ends each copy with FOR UPDATE where the database has it, so that no update lands"
          + " between a row's copy and its delete.";
    };
  }

  /** {@code Strategy.of(DeleteStrategy.PERMANENT,\n "restrict", ...,\n "delete", ...)}. */
  private static StepRows strategy(DeleteStrategy kind, StrategyPlan plan, SqlFields sql) {
    StepRows rows = new StepRows(RuntimeTypes.STRATEGY, Code.of("$T.$L", RuntimeTypes.DELETE_STRATEGY, kind.name()));
    for (Restriction check : plan.restrictions()) {
      rows.add("restrict", "$S, $S, $S, $L", check.table(), check.column(), check.parent(), sql.use(check.constant()));
    }
    for (Restriction check : plan.restrictions()) {
      check.trashed().ifPresent(trashed -> rows.add(
          "restrictTrashed", "$S, $S, $S, $S, $L",
          check.table(), trashed.trashTable(), check.column(), check.parent(), sql.use(trashed.constant())));
    }
    for (DeleteStep step : plan.steps()) {
      Code text = sql.use(step.constant(), step.only());
      switch (step.kind()) {
        case NULLIFY -> rows.add("nullify", "$S, $S, $L", step.table(), step.column(), text);
        case FLATTEN -> rows.add("flatten", "$S, $S, $L", step.table(), step.column(), text);
        case UNLINK -> rows.add("unlink", "$S, $S, $L", step.table(), step.column(), text);
        case COPY -> rows.add(step.root() ? "copyRoots" : "copy", "$S, $L", step.table(), text);
        case MARK -> rows.add(step.root() ? "markRoots" : "mark", "$S, $L", step.table(), text);
        case DELETE -> rows.add(step.root() ? "deleteRoots" : "delete", "$S, $L", step.table(), text);
      }
    }
    for (Count count : plan.preview()) {
      rows.add(count.nullified() ? "countNullified" : "countRows", "$S, $L", count.table(), sql.use(count.constant()));
    }
    return rows;
  }

  private static Code deletePlan(ModelSpec model, ModelPlan plan, SqlFields sql) {
    String line = "\n" + INDENT.repeat(3);
    Code code =
        Code.of(
                "$T.builder($T.class, $S, $S, $T.class, SCHEMA)",
                RuntimeTypes.DELETE_PLAN,
                model.type(),
                model.table(),
                model.key().orElseThrow().name(),
                model.key().orElseThrow().type().box())
            .add(
                line + ".records($L, ROW_MAPPER, $T::$N)",
                sql.use(plan.delete().selectRoots()),
                model.type(),
                model.key().orElseThrow().component());
    model.softDeleteColumn().ifPresent(c -> code.add(line + ".deletedAt($T::$N)", model.type(), c.component()));
    model
        .writtenStrategy()
        .ifPresent(s -> code.add(line + ".writtenStrategy($T.$L)", RuntimeTypes.DELETE_STRATEGY, s.name()));
    for (ModelSpec table : plan.tree().childrenFirst()) {
      plan.tree().selfCascade(table).ifPresent(self -> code.add(line + ".tree($S, $S)", table.table(), self.foreignKey().name()));
    }
    for (DeleteStrategy strategy : plan.delete().strategies().keySet()) {
      code.add(line + ".strategy($L)", strategy.name());
    }
    plan.delete().softUnsupported().ifPresent(reason -> code.add(line + ".softUnsupported($S)", reason));
    return code.add(line + ".build()");
  }

  private static void addMethods(Members members, ModelSpec model, TypeName key) {
    TypeName ids = ParameterizedTypeName.get(ClassName.get(Collection.class), key.box());
    Parameter id = new Parameter(key, "id");
    Parameter idList = new Parameter(ids, "ids");
    Parameter options = new Parameter(RuntimeTypes.DELETE_OPTIONS, "options");
    ClassName record = model.type();
    api(members, RuntimeTypes.DELETE_RESULT, "destroy", List.of(id),
        Code.of("Deletes the {@link $T} with this id and its cascade, with the model's strategy.\n", record),
        Code.of("return destroy(handle, id, $T.defaults())", RuntimeTypes.DELETE_OPTIONS));
    api(members, RuntimeTypes.DELETE_RESULT, "destroy", List.of(id, options),
        Code.of("Deletes the {@link $T} with this id and its cascade.\n", record),
        Code.of("return $T.destroy(handle, PLAN, $T.singletonList(id), options)", RuntimeTypes.DELETIONS, COLLECTIONS));
    api(members, RuntimeTypes.DELETE_RESULT, "destroyAll", List.of(idList),
        Code.of("Deletes the {@link $T} rows with these ids and their cascades, with the\nmodel's strategy.\n", record),
        Code.of("return destroyAll(handle, ids, $T.defaults())", RuntimeTypes.DELETE_OPTIONS));
    api(members, RuntimeTypes.DELETE_RESULT, "destroyAll", List.of(idList, options),
        Code.of("Deletes the {@link $T} rows with these ids and their cascades.\n", record),
        Code.of("return $T.destroy(handle, PLAN, ids, options)", RuntimeTypes.DELETIONS));
    api(members, RuntimeTypes.DELETE_PREVIEW, "preview", List.of(id),
        Code.of("Counts what deleting this {@link $T} would remove, unlink and be blocked by;\nchanges nothing.\n", record),
        Code.of("return preview(handle, id, $T.defaults())", RuntimeTypes.DELETE_OPTIONS));
    api(members, RuntimeTypes.DELETE_PREVIEW, "preview", List.of(id, options),
        Code.of("Counts what deleting this {@link $T} with these options would do; changes nothing.\n", record),
        Code.of("return $T.preview(handle, PLAN, $T.singletonList(id), options)", RuntimeTypes.DELETIONS, COLLECTIONS));
    api(members, RuntimeTypes.DELETE_PREVIEW, "previewAll", List.of(idList),
        Code.of(
            "Counts what deleting the {@link $T} rows with these ids would remove, unlink and be\n"
                + "blocked by, all together; changes nothing.\n",
            record),
        Code.of("return previewAll(handle, ids, $T.defaults())", RuntimeTypes.DELETE_OPTIONS));
    api(members, RuntimeTypes.DELETE_PREVIEW, "previewAll", List.of(idList, options),
        Code.of("Counts what deleting these {@link $T} rows with these options would do; changes nothing.\n", record),
        Code.of("return $T.preview(handle, PLAN, ids, options)", RuntimeTypes.DELETIONS));
    api(members, RuntimeTypes.BATCH_RESULT, "destroyInBatches", List.of(id, new Parameter(RuntimeTypes.BATCH_OPTIONS, "options")),
        Code.of(
            "Deletes the {@link $T} with this id and its cascade in batches, each committed on\n"
                + "its own, deepest rows first: for a tree too big for one transaction. Call it again\n"
                + "to finish one that stopped.\n",
            record),
        Code.of("return $T.destroy(handle, PLAN, id, options)", RuntimeTypes.BATCHES));
    api(members, RuntimeTypes.PURGE_RESULT, "purge", List.of(new Parameter(RuntimeTypes.PURGE_OPTIONS, "options")),
        Code.of(
            "Removes for good the {@link $T} rows soft-deleted or trashed longer ago than the\n"
                + "options' age, whole operations with their cascades, in batches.\n",
            record),
        Code.of("return $T.purge(handle, PLAN, options)", RuntimeTypes.PURGES));
  }

  /** {@code notDeleted(handle, "u")}: {@code NOT_DELETED} qualified by the query's name for the table. */
  private static void notDeleted(Members members, ModelSpec model, String column) {
    members.method(
        Code.of(
            "{@link #NOT_DELETED} for the {@code $L} that your query names {@code alias}, the column\n"
                + "quoted as the handle's database needs: {@code notDeleted(handle, \"u\")} is\n"
                + "{@code u.$L IS NULL}.\n",
            model.table(),
            column),
        Code.of("public static $T notDeleted", RuntimeTypes.STRING).toString(),
        List.of(new Parameter(RuntimeTypes.HANDLE, "handle"), new Parameter(RuntimeTypes.STRING, "alias")),
        Code.of("return $T.condition(handle, SCHEMA, $S, $S, alias)", RuntimeTypes.NOT_DELETED, model.table(), column));
  }

  /** {@code public static Result name(Handle handle, ...)}: one method of the API. */
  static void api(Members members, TypeName returns, String name, List<Parameter> parameters, Code javadoc, Code statement) {
    List<Parameter> all = new ArrayList<>();
    all.add(new Parameter(RuntimeTypes.HANDLE, "handle"));
    all.addAll(parameters);
    members.method(javadoc, Code.of("public static $T $N", returns, name).toString(), all, statement);
  }
}
