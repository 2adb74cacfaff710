package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.processor.model.Access;
import dev.cascade.processor.model.GeneratedNames;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.plan.Count;
import dev.cascade.processor.plan.DeleteStep;
import dev.cascade.processor.plan.Dialect;
import dev.cascade.processor.plan.ModelPlan;
import dev.cascade.processor.plan.Restriction;
import dev.cascade.processor.plan.SchemaTable;
import dev.cascade.processor.plan.StrategyPlan;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Writes {@code XDeleter}: the SQL constants, one plan per strategy, and the static API. */
public final class DeleterWriter {
  private DeleterWriter() {}

  /**
   * The class for this plan; {@code annotated}: with {@code @Generated}, which a named module can
   * name only when it reads {@code java.compiler}.
   */
  public static JavaFile write(ModelPlan plan, boolean annotated) {
    ModelSpec model = plan.root();
    ClassName deleter = GeneratedNames.deleter(model.type());
    SqlFields sql = new SqlFields(plan.deleterSql());
    TypeName key = model.key().orElseThrow().type();
    ClassName rowMapper = RowMapperWriter.name(deleter, model);

    TypeSpec.Builder type =
        TypeSpec.classBuilder(deleter)
            .addOriginatingElement(model.origin().element())
            .addModifiers(Modifier.FINAL)
            .addJavadoc(classDoc(model, plan));
    if (annotated) {
      type.addAnnotation(RuntimeTypes.generated());
    }
    if (model.access() == Access.PUBLIC) {
      type.addModifiers(Modifier.PUBLIC);
    }

    model
        .softDeleteColumn()
        .ifPresent(
            column ->
                type.addField(
                    FieldSpec.builder(String.class, "NOT_DELETED", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc(
                            "The condition that keeps soft-deleted rows of {@code $L} out of your own"
                                + " queries; in a join,\nor for a column a database reserves, use {@link #notDeleted}.\n",
                            model.table())
                        .initializer("$S", column.name() + " IS NULL")
                        .build()));
    type.addFields(sql.fields());

    for (Map.Entry<DeleteStrategy, StrategyPlan> strategy : plan.delete().strategies().entrySet()) {
      type.addField(
          FieldSpec.builder(RuntimeTypes.STRATEGY, strategy.getKey().name(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("$L\n", strategyDoc(strategy.getKey()))
              .initializer(strategy(strategy.getKey(), strategy.getValue(), sql))
              .build());
    }

    type.addType(RowMapperWriter.write(deleter, model));
    type.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(RuntimeTypes.ROW_MAPPER, model.type()),
                "ROW_MAPPER",
                Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("Reads {@link $T} rows; the restorer uses it too.\n", model.type())
            .initializer("new $T()", rowMapper)
            .build());
    type.addField(
        FieldSpec.builder(RuntimeTypes.CASCADE_SCHEMA, "SCHEMA", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The tables this deleter touches; the restorer uses it too.\n")
            .initializer(schema(plan.schema(), plan.reserved()))
            .build());
    type.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(RuntimeTypes.DELETE_PLAN, model.type()),
                "PLAN",
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer(deletePlan(model, plan, sql))
            .build());


    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    addMethods(type, model, key);
    type.addMethod(
        MethodSpec.methodBuilder("schema")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(RuntimeTypes.CASCADE_SCHEMA)
            .addJavadoc(
                "The tables this deleter touches, with their columns: for {@code TrashTables.ddl}\n"
                    + "and {@code SchemaCheck}.\n")
            .addStatement("return SCHEMA")
            .build());
    model.softDeleteColumn().ifPresent(column -> type.addMethod(notDeleted(model, column.name())));

    type.addType(registration(model));

    return JavaFile.builder(deleter.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** The name {@code META-INF/services} lists this deleter under: its nested {@code Registration}. */
  public static ClassName registration(ClassName deleter) {
    return deleter.nestedClass("Registration");
  }

  /** {@code Registration implements GeneratedDeleter}: how {@code Journal.purge} finds this deleter. */
  private static TypeSpec registration(ModelSpec model) {
    return TypeSpec.classBuilder("Registration")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(RuntimeTypes.GENERATED_DELETER)
        .addJavadoc(
            "Lists this deleter for {@code Journal.purge}, which finds it through\n"
                + "{@code META-INF/services}; not for your own code.\n")
        .addMethod(
            MethodSpec.methodBuilder("plan")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(RuntimeTypes.DELETE_PLAN, model.type()))
                .addStatement("return PLAN")
                .build())
        .build();
  }

  /** {@code CascadeSchema.of("table", "posts", ...,\n "key", "id", long.class, ...)}. */
  private static CodeBlock schema(List<SchemaTable> tables, Map<String, List<Dialect>> reserved) {
    StepRows rows = new StepRows();
    reserved.forEach(
        (name, dialects) ->
            rows.add(
                "reserved",
                "$S, $L",
                name,
                dialects.stream()
                    .map(d -> CodeBlock.of("$T.$L", RuntimeTypes.DIALECT, d.name()))
                    .collect(CodeBlock.joining(", "))));
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
              case FOREIGN_KEY -> "foreignKey";
              case PLAIN -> "column";
            };
        rows.addBelow(step, "$S, $T.class", column.name(), raw(column.type()));
        column.filteredBy().forEach(filter -> rows.addBelow("filteredBy", "$S", filter));
      }
    }
    return rows.of(RuntimeTypes.CASCADE_SCHEMA, CodeBlock.of(""));
  }

  private static TypeName raw(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized ? parameterized.rawType() : type;
  }

  private static CodeBlock classDoc(ModelSpec model, ModelPlan plan) {
    CodeBlock.Builder doc =
        CodeBlock.builder()
            .add(
                "Deletes {@link $T} rows from {@code $L}, with the rows that hang off them:\n\n",
                model.type(),
                model.table())
            .add("<pre>\n$L</pre>\n\n", TreeDiagram.draw(plan.tree()))
            .add(
                "<p>Every statement is set-based: how many run depends on this schema, never on the\n"
                    + "number of rows. They run children first, in one transaction, in the order they are\n"
                    + "declared here, strategy by strategy.\n\n");
    QuotingNote.add(doc, plan);
    return doc.add("<p>Generated by Cascade from {@link $T}; do not edit.\n", model.type()).build();
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
  private static CodeBlock strategy(DeleteStrategy kind, StrategyPlan plan, SqlFields sql) {
    StepRows rows = new StepRows();
    for (Restriction check : plan.restrictions()) {
      rows.add("restrict", "$S, $S, $S, $L", check.table(), check.column(), check.parent(), sql.use(check.constant()));
    }
    for (DeleteStep step : plan.steps()) {
      CodeBlock text = sql.use(step.constant(), step.only());
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
    return rows.of(RuntimeTypes.STRATEGY, CodeBlock.of("$T.$L", RuntimeTypes.DELETE_STRATEGY, kind.name()));
  }

  private static CodeBlock deletePlan(ModelSpec model, ModelPlan plan, SqlFields sql) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "$T.builder($T.class, $S, $S, $T.class, SCHEMA)",
                RuntimeTypes.DELETE_PLAN,
                model.type(),
                model.table(),
                model.key().orElseThrow().name(),
                model.key().orElseThrow().type().box())
            .indent()
            .indent()
            .add(
                "\n.records($L, ROW_MAPPER, $T::$N)",
                sql.use(plan.delete().selectRoots()),
                model.type(),
                model.key().orElseThrow().component());
    model.softDeleteColumn().ifPresent(c -> code.add("\n.deletedAt($T::$N)", model.type(), c.component()));
    model
        .writtenStrategy()
        .ifPresent(s -> code.add("\n.writtenStrategy($T.$L)", RuntimeTypes.DELETE_STRATEGY, s.name()));
    for (ModelSpec table : plan.tree().childrenFirst()) {
      plan.tree().selfCascade(table).ifPresent(self -> code.add("\n.tree($S, $S)", table.table(), self.foreignKey().name()));
    }
    for (DeleteStrategy strategy : plan.delete().strategies().keySet()) {
      code.add("\n.strategy($L)", strategy.name());
    }
    plan.delete().softUnsupported().ifPresent(reason -> code.add("\n.softUnsupported($S)", reason));
    return code.add("\n.build()").unindent().unindent().build();
  }

  private static void addMethods(TypeSpec.Builder type, ModelSpec model, TypeName key) {
    TypeName ids = ParameterizedTypeName.get(ClassName.get(Collection.class), key.box());
    MethodSpec.Builder destroy =
        api("destroy", RuntimeTypes.DELETE_RESULT)
            .addJavadoc(
                "Deletes the {@link $T} with this id and its cascade, with the model's strategy.\n",
                model.type())
            .addParameter(key, "id")
            .addStatement("return destroy(handle, id, $T.defaults())", RuntimeTypes.DELETE_OPTIONS);
    MethodSpec.Builder destroyWithOptions =
        api("destroy", RuntimeTypes.DELETE_RESULT)
            .addJavadoc("Deletes the {@link $T} with this id and its cascade.\n", model.type())
            .addParameter(key, "id")
            .addParameter(RuntimeTypes.DELETE_OPTIONS, "options")
            .addStatement(
                "return $T.destroy(handle, PLAN, $T.singletonList(id), options)",
                RuntimeTypes.DELETIONS,
                Collections.class);
    MethodSpec.Builder destroyAll =
        api("destroyAll", RuntimeTypes.DELETE_RESULT)
            .addJavadoc(
                "Deletes the {@link $T} rows with these ids and their cascades, with the\n"
                    + "model's strategy.\n",
                model.type())
            .addParameter(ids, "ids")
            .addStatement("return destroyAll(handle, ids, $T.defaults())", RuntimeTypes.DELETE_OPTIONS);
    MethodSpec.Builder destroyAllWithOptions =
        api("destroyAll", RuntimeTypes.DELETE_RESULT)
            .addJavadoc(
                "Deletes the {@link $T} rows with these ids and their cascades.\n", model.type())
            .addParameter(ids, "ids")
            .addParameter(RuntimeTypes.DELETE_OPTIONS, "options")
            .addStatement("return $T.destroy(handle, PLAN, ids, options)", RuntimeTypes.DELETIONS);
    MethodSpec.Builder preview =
        api("preview", RuntimeTypes.DELETE_PREVIEW)
            .addJavadoc(
                "Counts what deleting this {@link $T} would remove, unlink and be blocked by;\n"
                    + "changes nothing.\n",
                model.type())
            .addParameter(key, "id")
            .addStatement("return preview(handle, id, $T.defaults())", RuntimeTypes.DELETE_OPTIONS);
    MethodSpec.Builder previewWithOptions =
        api("preview", RuntimeTypes.DELETE_PREVIEW)
            .addJavadoc(
                "Counts what deleting this {@link $T} with these options would do; changes nothing.\n",
                model.type())
            .addParameter(key, "id")
            .addParameter(RuntimeTypes.DELETE_OPTIONS, "options")
            .addStatement(
                "return $T.preview(handle, PLAN, $T.singletonList(id), options)",
                RuntimeTypes.DELETIONS,
                Collections.class);
    MethodSpec.Builder destroyInBatches =
        api("destroyInBatches", RuntimeTypes.BATCH_RESULT)
            .addJavadoc(
                "Deletes the {@link $T} with this id and its cascade in batches, each committed on\n"
                    + "its own, deepest rows first: for a tree too big for one transaction. Call it again\n"
                    + "to finish one that stopped.\n",
                model.type())
            .addParameter(key, "id")
            .addParameter(RuntimeTypes.BATCH_OPTIONS, "options")
            .addStatement("return $T.destroy(handle, PLAN, id, options)", RuntimeTypes.BATCHES);
    MethodSpec.Builder purge =
        api("purge", RuntimeTypes.PURGE_RESULT)
            .addJavadoc(
                "Removes for good the {@link $T} rows soft-deleted or trashed longer ago than the\n"
                    + "options' age, whole operations with their cascades, in batches.\n",
                model.type())
            .addParameter(RuntimeTypes.PURGE_OPTIONS, "options")
            .addStatement("return $T.purge(handle, PLAN, options)", RuntimeTypes.PURGES);
    MethodSpec.Builder previewAll =
        api("previewAll", RuntimeTypes.DELETE_PREVIEW)
            .addJavadoc(
                "Counts what deleting the {@link $T} rows with these ids would remove, unlink and be\n"
                    + "blocked by, all together; changes nothing.\n",
                model.type())
            .addParameter(ids, "ids")
            .addStatement("return previewAll(handle, ids, $T.defaults())", RuntimeTypes.DELETE_OPTIONS);
    MethodSpec.Builder previewAllWithOptions =
        api("previewAll", RuntimeTypes.DELETE_PREVIEW)
            .addJavadoc(
                "Counts what deleting these {@link $T} rows with these options would do; changes nothing.\n",
                model.type())
            .addParameter(ids, "ids")
            .addParameter(RuntimeTypes.DELETE_OPTIONS, "options")
            .addStatement("return $T.preview(handle, PLAN, ids, options)", RuntimeTypes.DELETIONS);
    for (MethodSpec.Builder method :
        List.of(
            destroy, destroyWithOptions, destroyAll, destroyAllWithOptions, preview, previewWithOptions,
            previewAll, previewAllWithOptions, destroyInBatches, purge)) {
      type.addMethod(method.build());
    }
  }

  /** {@code notDeleted(handle, "u")}: {@code NOT_DELETED} qualified by the query's name for the table. */
  private static MethodSpec notDeleted(ModelSpec model, String column) {
    return MethodSpec.methodBuilder("notDeleted")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addJavadoc(
            "{@link #NOT_DELETED} for the {@code $L} that your query names {@code alias}, the column\n"
                + "quoted as the handle's database needs: {@code notDeleted(handle, \"u\")} is\n"
                + "{@code u.$L IS NULL}.\n",
            model.table(),
            column)
        .addParameter(RuntimeTypes.HANDLE, "handle")
        .addParameter(String.class, "alias")
        .addStatement(
            "return $T.condition(handle, SCHEMA, $S, $S, alias)", RuntimeTypes.NOT_DELETED, model.table(), column)
        .build();
  }

  private static MethodSpec.Builder api(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(returns)
        .addParameter(RuntimeTypes.HANDLE, "handle");
  }
}
