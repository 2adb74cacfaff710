package dev.cascade.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.cascade.annotations.DeleteStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code @Table} record: its table, its columns, the relations it owns and how it is deleted.
 *
 * @param type the record
 * @param table the table's name
 * @param columns one per record component, in declaration order
 * @param hasMany the {@code @HasMany} annotations, in declaration order
 * @param deletable what {@code @Deletable} says
 * @param access how visible the record is: generated classes are public only for a public record
 * @param origin the record with its {@code @Table}
 */
public record ModelSpec(
    ClassName type,
    String table,
    List<ColumnSpec> columns,
    List<RelationSpec> hasMany,
    DeletableSpec deletable,
    Access access,
    Origin origin) {

  /** The Java types a soft-delete column may have. */
  public static final Set<TypeName> TIME_TYPES =
      Set.of(
          ClassName.get("java.time", "Instant"),
          ClassName.get("java.time", "OffsetDateTime"),
          ClassName.get("java.time", "LocalDateTime"),
          ClassName.get("java.sql", "Timestamp"));

  public ModelSpec {
    columns = List.copyOf(columns);
    hasMany = List.copyOf(hasMany);
  }

  /** A bare model for tests: add columns and relations with the withers. */
  public static ModelSpec of(ClassName type, String table) {
    return new ModelSpec(type, table, List.of(), List.of(), DeletableSpec.defaults(), Access.PUBLIC, Origin.NONE);
  }

  public ModelSpec withColumn(ColumnSpec column) {
    List<ColumnSpec> more = new ArrayList<>(columns);
    more.add(column);
    return new ModelSpec(type, table, more, hasMany, deletable, access, origin);
  }

  public ModelSpec withHasMany(RelationSpec relation) {
    List<RelationSpec> more = new ArrayList<>(hasMany);
    more.add(relation);
    return new ModelSpec(type, table, columns, more, deletable, access, origin);
  }

  public ModelSpec withDeletable(DeletableSpec spec) {
    return new ModelSpec(type, table, columns, hasMany, spec, access, origin);
  }

  /** The key column: the {@code @Id} component, or else the one named {@code id}. */
  public Optional<ColumnSpec> key() {
    return columns.stream().filter(ColumnSpec::key).findFirst();
  }

  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.isNamed(name)).findFirst();
  }

  /** The soft-delete column, when this table has one of a time type. */
  public Optional<ColumnSpec> softDeleteColumn() {
    return column(deletable.deletedAt()).filter(c -> TIME_TYPES.contains(c.type()));
  }

  public String trashTable() {
    return deletable.trashTable().orElse(table + "_trash");
  }

  /** The strategy written on the model, if any. */
  public Optional<DeleteStrategy> writtenStrategy() {
    return deletable.strategy();
  }

  /** The record's simple name, with enclosing records: {@code Outer.User}. */
  public String displayName() {
    return String.join(".", type.simpleNames());
  }
}
