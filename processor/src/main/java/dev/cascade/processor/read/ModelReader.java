package dev.cascade.processor.read;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.diagnostic.Message;
import dev.cascade.processor.model.Access;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.DeletableSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.Origin;
import dev.cascade.processor.model.RelationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Reads one {@code @Table} element into a {@link ModelSpec}. */
public final class ModelReader {
  static final String TABLE = "dev.cascade.annotations.Table";
  private static final String ID = "dev.cascade.annotations.Id";
  private static final String COLUMN = "dev.cascade.annotations.Column";
  private static final String JDBI_COLUMN_NAME = "org.jdbi.v3.core.mapper.reflect.ColumnName";
  private static final String BELONGS_TO = "dev.cascade.annotations.BelongsTo";
  private static final String HAS_MANY = "dev.cascade.annotations.HasMany";
  private static final String HAS_MANY_LIST = "dev.cascade.annotations.HasMany.List";
  private static final String DELETABLE = "dev.cascade.annotations.Deletable";

  private final Annotations annotations;

  public ModelReader(Elements elements) {
    this.annotations = new Annotations(elements);
  }

  /** Whether the element carries {@code @Table}. */
  public static boolean isTable(Element element) {
    return Annotations.find(element, TABLE).isPresent();
  }

  public Reading read(TypeElement type) {
    AnnotationMirror table = Annotations.find(type, TABLE).orElseThrow();
    if (type.getKind() != ElementKind.RECORD) {
      return new Reading.Failed(
          Diagnostic.error(
              Message.TABLE_NOT_ON_RECORD,
              Origin.of(type, table),
              type.getSimpleName(),
              describe(type.getKind()),
              type.getSimpleName()));
    }
    ClassName name = ClassName.get(type);

    boolean anyId =
        type.getRecordComponents().stream()
            .anyMatch(c -> Annotations.find(c, ID).isPresent());
    List<ColumnSpec> columns = new ArrayList<>();
    for (RecordComponentElement component : type.getRecordComponents()) {
      Optional<ColumnSpec> column = readColumn(type, component, anyId);
      if (column.isEmpty()) {
        return new Reading.Deferred(missingType(component));
      }
      columns.add(column.get());
    }

    List<RelationSpec> relations = new ArrayList<>();
    for (AnnotationMirror hasMany : Annotations.findRepeated(type, HAS_MANY, HAS_MANY_LIST)) {
      Optional<List<TypeMirror>> child = annotations.types(hasMany, "value");
      if (child.isEmpty()) {
        return new Reading.Deferred(
            annotations
                .missingName(hasMany, "value")
                .map(missing -> missing + ", named in its @HasMany")
                .orElse("a class named in its @HasMany"));
      }
      relations.add(
          new RelationSpec(
              name,
              typeName(child.get().get(0)),
              nonEmpty(annotations.string(hasMany, "foreignKey")),
              OnDelete.valueOf(annotations.enumConstant(hasMany, "onDelete")),
              nonEmpty(annotations.string(hasMany, "where")),
              Origin.of(type, hasMany)));
    }

    return new Reading.Read(
        new ModelSpec(
            name,
            annotations.string(table, "value"),
            columns,
            relations,
            readDeletable(type),
            access(type),
            Origin.of(type, table)));
  }

  /** The column of one component; empty when its types do not exist yet. */
  private Optional<ColumnSpec> readColumn(
      TypeElement record, RecordComponentElement component, boolean anyId) {
    if (component.asType().getKind() == TypeKind.ERROR) {
      return Optional.empty();
    }
    String componentName = component.getSimpleName().toString();
    boolean key =
        anyId ? Annotations.find(component, ID).isPresent() : componentName.equals("id");

    String columnName = ColumnNames.snakeCase(componentName);
    Origin nameOrigin = Origin.of(component);
    Optional<AnnotationMirror> column = Annotations.find(component, COLUMN);
    Optional<NamedBy> jdbiName = jdbiColumnName(record, component);
    if (column.isPresent()) {
      columnName = annotations.string(column.get(), "value");
      nameOrigin = Origin.of(component, column.get());
    } else if (jdbiName.isPresent()) {
      columnName = annotations.string(jdbiName.get().mirror(), "value");
      nameOrigin = Origin.of(jdbiName.get().element(), jdbiName.get().mirror());
    }

    List<ClassName> parents = new ArrayList<>();
    Origin belongsToOrigin = Origin.of(component);
    Optional<AnnotationMirror> belongsTo = Annotations.find(component, BELONGS_TO);
    if (belongsTo.isPresent()) {
      Optional<List<TypeMirror>> types = annotations.types(belongsTo.get(), "value");
      if (types.isEmpty()) {
        return Optional.empty();
      }
      for (TypeMirror parent : types.get()) {
        if (typeName(parent) instanceof ClassName className) {
          parents.add(className);
        }
      }
      belongsToOrigin = Origin.of(component, belongsTo.get());
    }

    return Optional.of(
        new ColumnSpec(
            componentName,
            columnName,
            typeName(component.asType()),
            key,
            parents,
            Origin.of(component),
            nameOrigin,
            belongsToOrigin));
  }

  /**
   * The type a component names that does not exist, its own type or its {@code @BelongsTo}'s:
   * {@code the type Money of its component price}.
   */
  private String missingType(RecordComponentElement component) {
    String name = component.getSimpleName().toString();
    if (component.asType().getKind() == TypeKind.ERROR) {
      return "the type " + component.asType() + " of its component " + name;
    }
    return Annotations.find(component, BELONGS_TO)
        .map(
            belongsTo ->
                annotations
                    .missingName(belongsTo, "value")
                    .map(missing -> missing + ", named in @BelongsTo on its component " + name)
                    .orElse("a class named in @BelongsTo on its component " + name))
        .orElse("the type " + component.asType() + " of its component " + name);
  }

  /**
   * JDBI's {@code @ColumnName}. It does not target record components, so Java puts it on the
   * field, the accessor and the constructor parameter instead; look at each, the field before the
   * accessor because javac can point at the field (an implicit accessor has no position).
   */
  private static Optional<NamedBy> jdbiColumnName(
      TypeElement record, RecordComponentElement component) {
    List<Element> places = new ArrayList<>();
    places.add(component);
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(component.getSimpleName())) {
        places.add(field);
      }
    }
    if (component.getAccessor() != null) {
      places.add(component.getAccessor());
    }
    for (Element place : places) {
      Optional<AnnotationMirror> found = Annotations.find(place, JDBI_COLUMN_NAME);
      if (found.isPresent()) {
        return Optional.of(new NamedBy(place, found.get()));
      }
    }
    return Optional.empty();
  }

  private record NamedBy(Element element, AnnotationMirror mirror) {}

  private DeletableSpec readDeletable(TypeElement type) {
    Optional<AnnotationMirror> found = Annotations.find(type, DELETABLE);
    if (found.isEmpty()) {
      DeletableSpec defaults = DeletableSpec.defaults();
      return new DeletableSpec(
          defaults.strategy(),
          defaults.deletedAt(),
          false,
          defaults.trashTable(),
          Origin.of(type));
    }
    AnnotationMirror deletable = found.get();
    Optional<DeleteStrategy> strategy =
        Annotations.written(deletable, "strategy")
            .map(v -> DeleteStrategy.valueOf(((VariableElement) v.getValue()).getSimpleName().toString()));
    return new DeletableSpec(
        strategy,
        annotations.string(deletable, "deletedAt"),
        Annotations.written(deletable, "deletedAt").isPresent(),
        nonEmpty(annotations.string(deletable, "trashTable")),
        Origin.of(type, deletable));
  }

  private static Access access(Element type) {
    Access access = Access.PUBLIC;
    for (Element e = type; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return Access.PRIVATE;
      }
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        access = Access.PACKAGE;
      }
    }
    return access;
  }

  private static TypeName typeName(TypeMirror type) {
    return TypeName.get(type).withoutAnnotations();
  }

  private static Optional<String> nonEmpty(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static String describe(ElementKind kind) {
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return (name.startsWith("a") || name.startsWith("e") || name.startsWith("i") ? "an " : "a ")
        + name;
  }
}
