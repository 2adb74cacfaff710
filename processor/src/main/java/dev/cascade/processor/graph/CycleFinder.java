package dev.cascade.processor.graph;

import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds relation cycles that are not a table having many of itself. One cycle is returned per
 * group of models that loop into each other, as the shortest path from the group's first model
 * (in graph order) back to itself.
 */
public final class CycleFinder {
  private final RelationGraph graph;

  public CycleFinder(RelationGraph graph) {
    this.graph = graph;
  }

  /** Each cycle as the edges walked, starting and ending at the same model. */
  public List<List<Edge>> cycles() {
    List<List<Edge>> cycles = new ArrayList<>();
    for (List<ModelSpec> group : new Tarjan().loopingGroups()) {
      Set<ModelSpec> members = Set.copyOf(group);
      ModelSpec start =
          graph.models().stream().filter(members::contains).findFirst().orElseThrow();
      shortestLoop(start, members).ifPresent(cycles::add);
    }
    return cycles;
  }

  /** Breadth-first from {@code start} back to it, inside the group. */
  private Optional<List<Edge>> shortestLoop(ModelSpec start, Set<ModelSpec> members) {
    Map<ModelSpec, Edge> reachedBy = new HashMap<>();
    Deque<ModelSpec> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      ModelSpec at = queue.removeFirst();
      for (Edge edge : loopEdgesFrom(at)) {
        if (!members.contains(edge.child())) {
          continue;
        }
        if (edge.child().equals(start)) {
          List<Edge> path = new ArrayList<>();
          path.add(edge);
          for (ModelSpec m = at; !m.equals(start); m = reachedBy.get(m).parent()) {
            path.add(0, reachedBy.get(m));
          }
          return Optional.of(path);
        }
        if (!reachedBy.containsKey(edge.child())) {
          reachedBy.put(edge.child(), edge);
          queue.addLast(edge.child());
        }
      }
    }
    return Optional.empty();
  }

  private List<Edge> loopEdgesFrom(ModelSpec model) {
    return graph.edgesFrom(model).stream().filter(e -> !e.isSelf()).toList();
  }

  /** Tarjan's strongly connected components, keeping those with more than one model. */
  private final class Tarjan {
    private final Map<ModelSpec, Integer> index = new LinkedHashMap<>();
    private final Map<ModelSpec, Integer> lowLink = new HashMap<>();
    private final Deque<ModelSpec> stack = new ArrayDeque<>();
    private final List<List<ModelSpec>> groups = new ArrayList<>();

    List<List<ModelSpec>> loopingGroups() {
      for (ModelSpec model : graph.models()) {
        if (!index.containsKey(model)) {
          visit(model);
        }
      }
      return groups.stream().filter(g -> g.size() > 1).collect(Collectors.toList());
    }

    private void visit(ModelSpec model) {
      index.put(model, index.size());
      lowLink.put(model, index.get(model));
      stack.push(model);
      for (Edge edge : loopEdgesFrom(model)) {
        ModelSpec next = edge.child();
        if (!index.containsKey(next)) {
          visit(next);
          lowLink.put(model, Math.min(lowLink.get(model), lowLink.get(next)));
        } else if (stack.contains(next)) {
          lowLink.put(model, Math.min(lowLink.get(model), index.get(next)));
        }
      }
      if (lowLink.get(model).equals(index.get(model))) {
        List<ModelSpec> group = new ArrayList<>();
        ModelSpec member;
        do {
          member = stack.pop();
          group.add(member);
        } while (!member.equals(model));
        groups.add(group);
      }
    }
  }
}
