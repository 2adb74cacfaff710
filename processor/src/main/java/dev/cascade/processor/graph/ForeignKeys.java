package dev.cascade.processor.graph;

import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.RelationSpec;
import java.util.List;
import java.util.Optional;

/** Finds the child column a {@code @HasMany} relation goes through. */
public final class ForeignKeys {
  private ForeignKeys() {}

  /** What looking for a relation's foreign key found. */
  public sealed interface Resolution {
    /** The foreign key, pointing back to the parent as it should. */
    record Found(ColumnSpec column) implements Resolution {}

    /** {@code foreignKey} names no column of the child. */
    record NotAColumn(String foreignKey) implements Resolution {}

    /** {@code foreignKey} names a column without {@code @BelongsTo} to the parent. */
    record NotBelongingTo(ColumnSpec column) implements Resolution {}

    /** No {@code foreignKey}, and no child component belongs to the parent. */
    record NoCandidate() implements Resolution {}

    /** No {@code foreignKey}, and several child components belong to the parent. */
    record Ambiguous(List<ColumnSpec> candidates) implements Resolution {}
  }

  public static Resolution resolve(RelationSpec relation, ModelSpec child) {
    if (relation.foreignKey().isPresent()) {
      String name = relation.foreignKey().get();
      Optional<ColumnSpec> column = child.column(name);
      if (column.isEmpty()) {
        return new Resolution.NotAColumn(name);
      }
      return column.get().belongsTo().contains(relation.parent())
          ? new Resolution.Found(column.get())
          : new Resolution.NotBelongingTo(column.get());
    }
    List<ColumnSpec> candidates =
        child.columns().stream().filter(c -> c.belongsTo().contains(relation.parent())).toList();
    if (candidates.isEmpty()) {
      return new Resolution.NoCandidate();
    }
    return candidates.size() == 1
        ? new Resolution.Found(candidates.get(0))
        : new Resolution.Ambiguous(candidates);
  }

  /** The foreign key when the relation resolves cleanly. */
  public static Optional<ColumnSpec> found(RelationSpec relation, ModelSpec child) {
    return resolve(relation, child) instanceof Resolution.Found found
        ? Optional.of(found.column())
        : Optional.empty();
  }
}
