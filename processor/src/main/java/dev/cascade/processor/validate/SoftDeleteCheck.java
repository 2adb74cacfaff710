package dev.cascade.processor.validate;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.diagnostic.Message;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model written as {@code SOFT} needs its soft-delete column, of a time type, and so does every
 * table its cascade reaches: a soft delete marks the whole tree, as one unit.
 */
final class SoftDeleteCheck {
  private SoftDeleteCheck() {}

  static List<Diagnostic> check(RelationGraph graph) {
    List<Diagnostic> errors = new ArrayList<>();
    for (ModelSpec model : graph.models()) {
      boolean soft = model.writtenStrategy().filter(s -> s == DeleteStrategy.SOFT).isPresent();
      if (!soft && !model.deletable().deletedAtWritten()) {
        continue;
      }
      String deletedAt = model.deletable().deletedAt();
      Optional<ColumnSpec> column = model.column(deletedAt);
      if (column.isEmpty()) {
        errors.add(
            Diagnostic.error(
                    Message.SOFT_WITHOUT_DELETED_AT,
                    model.deletable().origin(),
                    soft
                        ? "@Deletable(strategy = SOFT)"
                        : "@Deletable(deletedAt = \"" + deletedAt + "\")",
                    model.displayName(),
                    model.table(),
                    deletedAt,
                    camelCase(deletedAt))
                .onAttribute(soft ? "strategy" : "deletedAt"));
        continue;
      }
      if (!ModelSpec.TIME_TYPES.contains(column.get().type())) {
        errors.add(
            Diagnostic.error(
                Message.DELETED_AT_NOT_TIME,
                column.get().origin(),
                model.displayName(),
                column.get().component(),
                model.table(),
                column.get().type()));
        continue;
      }
      if (soft) {
        reachedWithoutColumn(graph, model)
            .forEach(
                (table, path) ->
                    errors.add(
                        Diagnostic.error(
                                Message.SOFT_CASCADE_REACHES_HARD_TABLE,
                                model.deletable().origin(),
                                model.displayName(),
                                table.table(),
                                path,
                                table.deletable().deletedAt(),
                                table.displayName())
                            .onAttribute("strategy")));
      }
    }
    return errors;
  }

  /** Each table the cascade reaches that cannot be soft-deleted, with the path to it. */
  private static Map<ModelSpec, String> reachedWithoutColumn(RelationGraph graph, ModelSpec root) {
    Map<ModelSpec, String> paths = new LinkedHashMap<>();
    paths.put(root, root.table());
    Deque<ModelSpec> queue = new ArrayDeque<>(List.of(root));
    Map<ModelSpec, String> missing = new LinkedHashMap<>();
    while (!queue.isEmpty()) {
      ModelSpec table = queue.removeFirst();
      for (Edge edge : graph.edgesFrom(table)) {
        if (edge.onDelete() != OnDelete.CASCADE || paths.containsKey(edge.child())) {
          continue;
        }
        String path = paths.get(table) + " -> " + edge.child().table();
        paths.put(edge.child(), path);
        queue.addLast(edge.child());
        if (edge.child().softDeleteColumn().isEmpty()) {
          missing.put(edge.child(), path);
        }
      }
    }
    return missing;
  }

  /** {@code deleted_at} becomes {@code deletedAt}, for the suggested component. */
  private static String camelCase(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
