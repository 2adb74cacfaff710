package dev.cascade.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.cascade.annotations.OnDelete;
import java.util.Optional;

/**
 * One {@code @HasMany} as written on a parent.
 *
 * @param parent the record that carries the annotation
 * @param child the type named by {@code value}; not necessarily a model
 * @param foreignKey the {@code foreignKey} attribute, when written
 * @param onDelete what deleting the parent does to the child rows
 * @param where the {@code where} attribute, when written
 * @param origin the parent with this {@code @HasMany}
 */
public record RelationSpec(
    ClassName parent,
    TypeName child,
    Optional<String> foreignKey,
    OnDelete onDelete,
    Optional<String> where,
    Origin origin) {

  public static RelationSpec of(ClassName parent, TypeName child, OnDelete onDelete) {
    return new RelationSpec(parent, child, Optional.empty(), onDelete, Optional.empty(), Origin.NONE);
  }

  public RelationSpec withForeignKey(String column) {
    return new RelationSpec(parent, child, Optional.of(column), onDelete, where, origin);
  }

  public RelationSpec withWhere(String condition) {
    return new RelationSpec(parent, child, foreignKey, onDelete, Optional.of(condition), origin);
  }
}
