package dev.cascade.processor.plan;

import com.palantir.javapoet.TypeName;
import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables one delete reaches from a root model through {@code CASCADE} relations, ordered
 * children first, so that deleting in this order keeps every foreign key valid.
 */
public final class CascadeTree {
  private final RelationGraph graph;
  private final ModelSpec root;
  private final List<ModelSpec> childrenFirst;
  private final Set<TypeName> members;
  private final Map<TypeName, Integer> positions = new HashMap<>();
  private final Map<TypeName, List<Edge>> cascadeInto = new HashMap<>();

  private CascadeTree(RelationGraph graph, ModelSpec root, List<ModelSpec> childrenFirst) {
    this.graph = graph;
    this.root = root;
    this.childrenFirst = List.copyOf(childrenFirst);
    this.members = new HashSet<>();
    for (int i = 0; i < childrenFirst.size(); i++) {
      members.add(childrenFirst.get(i).type());
      positions.put(childrenFirst.get(i).type(), i);
    }
  }

  public static CascadeTree of(RelationGraph graph, ModelSpec root) {
    Set<TypeName> members = new LinkedHashSet<>();
    Deque<ModelSpec> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      ModelSpec model = queue.removeFirst();
      if (members.add(model.type())) {
        for (Edge edge : graph.edgesFrom(model)) {
          if (edge.onDelete() == OnDelete.CASCADE) {
            queue.addLast(edge.child());
          }
        }
      }
    }
    List<ModelSpec> order = new ArrayList<>();
    visit(graph, root, members, new HashSet<>(), order);
    return new CascadeTree(graph, root, order);
  }

  /**
   * Depth first, children in the order their {@code @HasMany} are written, each table after every
   * table of the cascade that points at it (whatever the relation), so foreign keys stay valid.
   */
  private static void visit(
      RelationGraph graph,
      ModelSpec model,
      Set<TypeName> members,
      Set<TypeName> done,
      List<ModelSpec> order) {
    if (!done.add(model.type())) {
      return;
    }
    for (Edge edge : graph.edgesFrom(model)) {
      if (!edge.isSelf() && members.contains(edge.child().type())) {
        visit(graph, edge.child(), members, done, order);
      }
    }
    order.add(model);
  }

  public ModelSpec root() {
    return root;
  }

  public boolean isRoot(ModelSpec model) {
    return model.type().equals(root.type());
  }

  /** Every table of the cascade, children first, the root last. */
  public List<ModelSpec> childrenFirst() {
    return childrenFirst;
  }

  public boolean contains(ModelSpec model) {
    return members.contains(model.type());
  }

  /**
   * The {@code CASCADE} relations through which the cascade reaches a table, not counting a
   * table's relation to itself; ordered by their parent's place in the tree, then column.
   */
  public List<Edge> cascadeInto(ModelSpec table) {
    return cascadeInto.computeIfAbsent(
        table.type(),
        type ->
            graph.edgesInto(table).stream()
                .filter(e -> e.onDelete() == OnDelete.CASCADE && !e.isSelf() && contains(e.parent()))
                .sorted(
                    Comparator.comparingInt((Edge e) -> position(e.parent()))
                        .thenComparing(e -> e.foreignKey().name()))
                .toList());
  }

  /** The table's {@code CASCADE} relation to itself, when it is a tree. */
  public Optional<Edge> selfCascade(ModelSpec table) {
    return graph.edgesFrom(table).stream()
        .filter(e -> e.isSelf() && e.onDelete() == OnDelete.CASCADE)
        .findFirst();
  }

  /** The relations from a table with the given behaviour, in declaration order. */
  public List<Edge> edgesFrom(ModelSpec table, OnDelete onDelete) {
    return graph.edgesFrom(table).stream().filter(e -> e.onDelete() == onDelete).toList();
  }

  /** The relations that point into a table from outside this tree, any behaviour. */
  public List<Edge> parentsOf(ModelSpec table) {
    return graph.edgesInto(table);
  }

  private int position(ModelSpec model) {
    return positions.getOrDefault(model.type(), Integer.MAX_VALUE);
  }
}
