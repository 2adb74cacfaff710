package dev.cascade.processor.plan;

import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ModelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Plans a model's deleter and restorer, once, for every database. */
public final class Planner {
  private final RelationGraph graph;

  public Planner(RelationGraph graph) {
    this.graph = graph;
  }

  public ModelPlan plan(ModelSpec model) {
    CascadeTree tree = CascadeTree.of(graph, model);
    Quoting quoting = new Quoting();
    Program deleterSql = new Program();
    DeletePlan delete = new DeletePlanner(tree, deleterSql, quoting).plan();
    Program restorerSql = new Program();
    RestorePlan restore = new RestorePlanner(graph, tree, restorerSql, quoting).plan();
    List<SchemaTable> schema = SchemaPlanner.plan(tree);
    return new ModelPlan(tree, deleterSql, delete, restorerSql, restore, schema, reserved(schema, quoting));
  }

  /** The names generated SQL quotes and every reserved name of the schema, for DDL and checks too. */
  private static Map<String, List<Dialect>> reserved(List<SchemaTable> schema, Quoting quoting) {
    SortedSet<String> names = new TreeSet<>(quoting.reserved().keySet());
    for (SchemaTable table : schema) {
      names.add(table.name());
      table.trashTable().ifPresent(names::add);
      names.add(table.trashTimeColumn());
      table.columns().forEach(c -> names.add(c.name()));
    }
    Map<String, List<Dialect>> reserved = new LinkedHashMap<>();
    for (String name : names) {
      List<Dialect> dialects = Quoting.reservingDialects(name);
      if (!dialects.isEmpty()) {
        reserved.put(name, dialects);
      }
    }
    return reserved;
  }
}
