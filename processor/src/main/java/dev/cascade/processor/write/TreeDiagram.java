package dev.cascade.processor.write;

import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.plan.CascadeTree;
import java.util.HashSet;
import java.util.Set;

/**
 * Draws a cascade as an indented list for a class Javadoc:
 *
 * <pre>
 * users
 *   posts (user_id): CASCADE
 *     comments (post_id): CASCADE
 *   invoices (user_id): RESTRICT
 * </pre>
 */
final class TreeDiagram {
  private TreeDiagram() {}

  static String draw(CascadeTree tree) {
    StringBuilder out = new StringBuilder(tree.root().table()).append('\n');
    Set<String> expanded = new HashSet<>();
    expanded.add(tree.root().table());
    drawChildren(tree, tree.root(), 1, expanded, out);
    return out.toString();
  }

  private static void drawChildren(
      CascadeTree tree, ModelSpec parent, int depth, Set<String> expanded, StringBuilder out) {
    for (OnDelete onDelete : OnDelete.values()) {
      for (Edge edge : tree.edgesFrom(parent, onDelete)) {
        String line = edge.child().table() + " (" + edge.foreignKey().name() + "): " + onDelete;
        boolean goesOn = onDelete == OnDelete.CASCADE && !edge.isSelf();
        if (edge.isSelf()) {
          // Only a CASCADE relation to its own table makes it a tree; another links rows of it.
          line += onDelete == OnDelete.CASCADE ? ", a tree" : ", to its own table";
        } else if (goesOn && !expanded.add(edge.child().table())) {
          line += ", as above";
          goesOn = false;
        }
        out.append("  ".repeat(depth)).append(line).append('\n');
        if (goesOn) {
          drawChildren(tree, edge.child(), depth + 1, expanded, out);
        }
      }
    }
  }
}
