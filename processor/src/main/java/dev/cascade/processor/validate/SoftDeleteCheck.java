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
import java.util.stream.Collectors;

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
      Optional<ColumnSpec> named =
          model.columns().stream().filter(c -> c.component().equals(deletedAt) && !c.name().equals(deletedAt)).findFirst();
      if (column.isEmpty() && named.isPresent()) {
        errors.add(
            Diagnostic.error(
                    Message.DELETED_AT_NAMES_COMPONENT,
                    model.deletable().origin(),
                    soft ? "@Deletable(strategy = SOFT, deletedAt = \"" + deletedAt + "\")" : "@Deletable(deletedAt = \"" + deletedAt + "\")",
                    model.displayName(),
                    model.table(),
                    deletedAt,
                    deletedAt,
                    named.get().name(),
                    named.get().name())
                .onAttribute("deletedAt"));
        continue;
      }
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
        for (HardTable hard : reachedWithoutColumn(graph, model)) {
          errors.add(reachesHardTable(model, hard).onAttribute("strategy"));
        }
      }
    }
    return errors;
  }

  /**
   * The error for a soft cascade that reaches a table without a soft-delete column: the ways out are
   * its column, another {@code onDelete} or another strategy; for a table without a key (a join
   * table), its column or another strategy, as taking it out of the cascade would block or orphan it.
   */
  private static Diagnostic reachesHardTable(ModelSpec model, HardTable hard) {
    List<Object> args = new ArrayList<>(
        List.of(model.displayName(), hard.table().table(), hard.path(), withoutColumn(hard.table()), addColumn(hard.table())));
    if (hard.table().key().isEmpty()) {
      args.addAll(List.of(model.displayName(), hard.into().get(0).parent().displayName()));
      return Diagnostic.error(Message.SOFT_CASCADE_REACHES_KEYLESS_TABLE, model.deletable().origin(), args.toArray());
    }
    String hasMany = hard.into().stream().map(SoftDeleteCheck::hasMany).distinct().collect(Collectors.joining(" and "));
    args.addAll(List.of(onDelete(hard.into()), hasMany, model.displayName()));
    return Diagnostic.error(Message.SOFT_CASCADE_REACHES_HARD_TABLE, model.deletable().origin(), args.toArray());
  }

  /**
   * A table a soft cascade reaches that cannot be soft-deleted, the path to it, and the cascading
   * relations that bring it into the cascade.
   */
  private record HardTable(ModelSpec table, String path, List<Edge> into) {}

  private static List<HardTable> reachedWithoutColumn(RelationGraph graph, ModelSpec root) {
    Map<ModelSpec, String> paths = new LinkedHashMap<>();
    paths.put(root, root.table());
    Deque<ModelSpec> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      ModelSpec table = queue.removeFirst();
      for (Edge edge : graph.edgesFrom(table)) {
        if (edge.onDelete() == OnDelete.CASCADE && !paths.containsKey(edge.child())) {
          paths.put(edge.child(), paths.get(table) + " -> " + edge.child().table());
          queue.addLast(edge.child());
        }
      }
    }
    List<HardTable> hard = new ArrayList<>();
    paths.forEach(
        (table, path) -> {
          if (table != root && table.softDeleteColumn().isEmpty()) {
            List<Edge> into =
                graph.edgesInto(table).stream()
                    .filter(e -> e.onDelete() == OnDelete.CASCADE && !e.isSelf())
                    .filter(e -> paths.containsKey(e.parent()))
                    .toList();
            hard.add(new HardTable(table, path, into));
          }
        });
    return hard;
  }

  /**
   * {@code which has no soft-delete column deleted_at}, or, where the column is there but holds no
   * time, {@code whose soft-delete column deleted_at is a java.lang.String, not a time}.
   */
  private static String withoutColumn(ModelSpec table) {
    String deletedAt = table.deletable().deletedAt();
    return table
        .column(deletedAt)
        .map(c -> "whose soft-delete column " + deletedAt + " is a " + c.type() + ", not a time")
        .orElse("which has no soft-delete column " + deletedAt);
  }

  /** How to give the table its soft-delete column. */
  private static String addColumn(ModelSpec table) {
    String deletedAt = table.deletable().deletedAt();
    return table
        .column(deletedAt)
        .map(c -> "declare " + Names.component(table, c) + " as an Instant")
        .orElse(
            "add a component `Instant " + camelCase(deletedAt) + "` to " + table.displayName());
  }

  /**
   * The {@code onDelete} that takes the table out of the cascade: {@code SET_NULL} only where its
   * foreign keys can hold null, or once they can.
   */
  private static String onDelete(List<Edge> into) {
    List<String> primitive =
        into.stream()
            .map(Edge::foreignKey)
            .filter(c -> !c.nullable())
            .distinct()
            .map(c -> Names.component(into.get(0).child(), c) + " is a " + Names.simple(c.type().box()))
            .toList();
    return primitive.isEmpty()
        ? "onDelete = SET_NULL or RESTRICT"
        : "onDelete = RESTRICT (or SET_NULL, once " + String.join(" and ", primitive) + ")";
  }

  /** {@code @HasMany(Comment.class) of Post}. */
  private static String hasMany(Edge edge) {
    return "@HasMany(" + edge.child().displayName() + ".class) of " + edge.parent().displayName();
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
