package dev.cascade.processor.graph;

import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.RelationSpec;
import java.util.Optional;

/**
 * A resolved relation: rows of {@code child} whose {@code foreignKey} holds a key of {@code
 * parent} (and that match {@code where}, for a polymorphic key) belong to that parent row.
 */
public record Edge(
    ModelSpec parent,
    ModelSpec child,
    ColumnSpec foreignKey,
    OnDelete onDelete,
    Optional<String> where,
    RelationSpec relation) {

  /** Whether a table has many of itself here: a tree. */
  public boolean isSelf() {
    return parent.type().equals(child.type());
  }

  /** {@code posts.user_id -> users}, for comments and messages. */
  public String describe() {
    return child.table() + "." + foreignKey.name() + " -> " + parent.table();
  }
}
