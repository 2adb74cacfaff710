package dev.cascade.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * One record component and the column it mirrors.
 *
 * @param component the component's name, as written in Java
 * @param name the column's name: {@code @Column}, JDBI's {@code @ColumnName}, or snake_case
 * @param type the component's type
 * @param key whether this component is the table's key
 * @param belongsTo the parents named by {@code @BelongsTo}, empty when it is not a foreign key
 * @param origin the component
 * @param nameOrigin the component with the annotation that named the column, if any
 * @param belongsToOrigin the component with its {@code @BelongsTo}, if any
 */
public record ColumnSpec(
    String component,
    String name,
    TypeName type,
    boolean key,
    List<ClassName> belongsTo,
    Origin origin,
    Origin nameOrigin,
    Origin belongsToOrigin) {

  public ColumnSpec {
    belongsTo = List.copyOf(belongsTo);
  }

  /** A column whose name and type are all that matter, for tests. */
  public static ColumnSpec of(String component, String name, TypeName type) {
    return new ColumnSpec(component, name, type, false, List.of(), Origin.NONE, Origin.NONE, Origin.NONE);
  }

  public ColumnSpec asKey() {
    return new ColumnSpec(component, name, type, true, belongsTo, origin, nameOrigin, belongsToOrigin);
  }

  public ColumnSpec belongingTo(ClassName... parents) {
    return new ColumnSpec(component, name, type, key, List.of(parents), origin, nameOrigin, belongsToOrigin);
  }

  /** Whether the column can hold null, that is, whether its Java type is not a primitive. */
  public boolean nullable() {
    return !type.isPrimitive();
  }

  public boolean isNamed(String column) {
    return name.equalsIgnoreCase(column);
  }
}
