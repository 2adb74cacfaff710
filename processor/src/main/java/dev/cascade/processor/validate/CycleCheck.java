package dev.cascade.processor.validate;

import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.diagnostic.Message;
import dev.cascade.processor.graph.CycleFinder;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Relations may not loop, except a table having many of itself (a tree), through one column. The
 * error names the whole path and points at the {@code @HasMany} it starts with.
 */
final class CycleCheck {
  private CycleCheck() {}

  static List<Diagnostic> check(RelationGraph graph) {
    List<Diagnostic> errors = new ArrayList<>();
    for (List<Edge> cycle : new CycleFinder(graph).cycles()) {
      errors.add(
          Diagnostic.error(Message.CYCLE, cycle.get(0).relation().origin(), path(cycle))
              .onAttribute("value"));
    }
    for (ModelSpec model : graph.models()) {
      List<Edge> selves =
          graph.edgesFrom(model).stream()
              .filter(e -> e.isSelf() && e.onDelete() == OnDelete.CASCADE)
              .toList();
      if (selves.size() > 1) {
        errors.add(
            Diagnostic.error(
                    Message.TREE_WITH_TWO_PARENTS,
                    selves.get(1).relation().origin(),
                    model.table(),
                    selves.stream().map(e -> e.foreignKey().name()).toList())
                .onAttribute("value"));
      }
    }
    return errors;
  }

  /** {@code users -> posts (user_id) -> comments (post_id) -> users (pinned_comment_id)}. */
  static String path(List<Edge> cycle) {
    StringBuilder path = new StringBuilder(cycle.get(0).parent().table());
    for (Edge edge : cycle) {
      path.append(" -> ")
          .append(edge.child().table())
          .append(" (")
          .append(edge.foreignKey().name())
          .append(')');
    }
    return path.toString();
  }
}
