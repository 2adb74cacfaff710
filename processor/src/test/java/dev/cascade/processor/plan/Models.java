package dev.cascade.processor.plan;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.RelationSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Models built by hand, as the processor would read them, for planner tests that need no
 * compiler. Records live in package {@code test}; a column's component has the column's name.
 */
final class Models {
  private Models() {}

  static ClassName type(String simpleName) {
    return ClassName.get("test", simpleName);
  }

  static ModelSpec model(String simpleName, String table, ColumnSpec... columns) {
    ModelSpec model = ModelSpec.of(type(simpleName), table);
    for (ColumnSpec column : columns) {
      model = model.withColumn(column);
    }
    return model;
  }

  /** {@code long id}, the key. */
  static ColumnSpec id() {
    return ColumnSpec.of("id", "id", TypeName.LONG).asKey();
  }

  static ColumnSpec text(String column) {
    return ColumnSpec.of(column, column, ClassName.get(String.class));
  }

  /** {@code Instant deleted_at}: the default soft-delete column. */
  static ColumnSpec deletedAt() {
    return ColumnSpec.of("deletedAt", "deleted_at", ClassName.get(Instant.class));
  }

  /** A {@code Long} foreign key (it may be set to null) with {@code @BelongsTo} these parents. */
  static ColumnSpec foreignKey(String column, String... parents) {
    return ColumnSpec.of(column, column, TypeName.LONG.box())
        .belongingTo(Arrays.stream(parents).map(Models::type).toArray(ClassName[]::new));
  }

  static RelationSpec hasMany(String parent, String child, OnDelete onDelete) {
    return RelationSpec.of(type(parent), type(child), onDelete);
  }

  /** The plan of {@code root}'s deleter, in a graph of these models. */
  static DeleterPlan plan(ModelSpec root, Dialect dialect, ModelSpec... models) {
    return new DeletePlanner(RelationGraph.of(List.of(models))).plan(root, dialect);
  }

  /** The full SQL of each step of a strategy, in the order the steps run. */
  static List<String> steps(DeleterPlan plan, DeleteStrategy strategy) {
    return plan.strategies().get(strategy).steps().stream()
        .map(step -> plan.program().render(step.constant()))
        .toList();
  }
}
