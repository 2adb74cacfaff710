package dev.cascade.processor.graph;

import com.palantir.javapoet.TypeName;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.RelationSpec;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Models and the relations between them. Relations that do not resolve (a missing model, a
 * missing or ambiguous foreign key) are left out: the validators report them.
 */
public final class RelationGraph {
  private final Map<TypeName, ModelSpec> models;
  private final List<Edge> edges;
  private final Map<TypeName, List<Edge>> byParent = new HashMap<>();
  private final Map<TypeName, List<Edge>> byChild = new HashMap<>();

  private RelationGraph(Map<TypeName, ModelSpec> models, List<Edge> edges) {
    this.models = models;
    this.edges = edges;
    for (Edge edge : edges) {
      byParent.computeIfAbsent(edge.parent().type(), t -> new ArrayList<>()).add(edge);
      byChild.computeIfAbsent(edge.child().type(), t -> new ArrayList<>()).add(edge);
    }
  }

  /** The graph of these models, in the order given. */
  public static RelationGraph of(Collection<ModelSpec> models) {
    Map<TypeName, ModelSpec> byType = new LinkedHashMap<>();
    for (ModelSpec model : models) {
      byType.put(model.type(), model);
    }
    List<Edge> edges = new ArrayList<>();
    for (ModelSpec parent : byType.values()) {
      for (RelationSpec relation : parent.hasMany()) {
        ModelSpec child = byType.get(relation.child());
        if (child == null) {
          continue;
        }
        Optional<ColumnSpec> foreignKey = ForeignKeys.found(relation, child);
        foreignKey.ifPresent(
            column ->
                edges.add(
                    new Edge(
                        parent, child, column, relation.onDelete(), relation.where(), relation)));
      }
    }
    return new RelationGraph(byType, List.copyOf(edges));
  }

  public Collection<ModelSpec> models() {
    return models.values();
  }

  public Optional<ModelSpec> model(TypeName type) {
    return Optional.ofNullable(models.get(type));
  }

  public List<Edge> edges() {
    return edges;
  }

  /** The relations a model owns, in the order its {@code @HasMany} annotations are written. */
  public List<Edge> edgesFrom(ModelSpec parent) {
    return Collections.unmodifiableList(byParent.getOrDefault(parent.type(), List.of()));
  }

  /** The relations that point at a model: its foreign keys. */
  public List<Edge> edgesInto(ModelSpec child) {
    return Collections.unmodifiableList(byChild.getOrDefault(child.type(), List.of()));
  }

  /**
   * These types and every model connected to one of them by relations, either way, by type: one
   * walk over the graph for all of them, where a walk per model cost a schema of a few hundred
   * models seconds.
   */
  public Set<TypeName> connected(Collection<? extends TypeName> starts) {
    Set<TypeName> seen = new HashSet<>();
    Deque<TypeName> queue = new ArrayDeque<>(starts);
    while (!queue.isEmpty()) {
      TypeName type = queue.removeFirst();
      if (seen.add(type)) {
        byParent.getOrDefault(type, List.of()).forEach(e -> queue.addLast(e.child().type()));
        byChild.getOrDefault(type, List.of()).forEach(e -> queue.addLast(e.parent().type()));
      }
    }
    return seen;
  }
}
