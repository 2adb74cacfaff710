package dev.cascade.processor.plan;

import dev.cascade.processor.graph.Edge;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Names and phrases for generated constants and their comments. */
final class Naming {
  private Naming() {}

  /** {@code posts} becomes {@code POSTS}, the stem of a Java constant's name. */
  static String constant(String identifier) {
    return identifier.toUpperCase(Locale.ROOT);
  }

  /** {@code posts.user_id -> users, comments.post_id -> posts}. */
  static String describe(List<Edge> edges) {
    return edges.stream().map(Edge::describe).collect(Collectors.joining(", "));
  }

  /**
   * How a statement through one relation is told from its siblings: {@code _BY_AUTHOR_ID}, or
   * {@code _BY_USERS_AUTHOR_ID} where two relations into the table share a column; nothing when
   * the table is reached through one relation only.
   */
  static String bySuffix(Edge edge, List<Edge> siblings) {
    if (siblings.size() == 1) {
      return "";
    }
    boolean sharedColumn =
        siblings.stream().filter(e -> e.foreignKey().name().equals(edge.foreignKey().name())).count() > 1;
    return "_BY_"
        + (sharedColumn ? constant(edge.parent().table()) + "_" : "")
        + constant(edge.foreignKey().name());
  }
}
