package dev.cascade.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.diagnostic.Message;
import dev.cascade.processor.graph.ForeignKeys;
import dev.cascade.processor.graph.ForeignKeys.Resolution;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.RelationSpec;
import dev.cascade.processor.read.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Both sides of every relation must agree: the parent's {@code @HasMany} names a child whose
 * foreign key has {@code @BelongsTo} back, of the parent key's type, able to hold null where the
 * relation sets it to null; the parents of a polymorphic foreign key have keys of one type.
 */
final class RelationCheck {
  private RelationCheck() {}

  static List<Diagnostic> check(Schema schema) {
    List<Diagnostic> errors = new ArrayList<>();
    for (ModelSpec parent : schema.all()) {
      for (RelationSpec relation : parent.hasMany()) {
        checkHasMany(schema, parent, relation, errors);
      }
    }
    for (ModelSpec child : schema.all()) {
      for (ColumnSpec column : child.columns()) {
        checkPolymorphicKeyTypes(schema, child, column, errors);
        for (ClassName parentType : column.belongsTo()) {
          checkBelongsTo(schema, child, column, parentType, errors);
        }
      }
    }
    return errors;
  }

  private static void checkHasMany(
      Schema schema, ModelSpec parent, RelationSpec relation, List<Diagnostic> errors) {
    String childName = Names.simple(relation.child());
    Optional<ModelSpec> found = schema.model(relation.child());
    if (found.isEmpty()) {
      if (!schema.unreadable().contains(relation.child())) {
        errors.add(
            Diagnostic.error(
                    Message.HAS_MANY_TARGET_NOT_TABLE,
                    relation.origin(),
                    childName,
                    parent.displayName(),
                    childName)
                .onAttribute("value"));
      }
      return;
    }
    ModelSpec child = found.get();
    Resolution resolution = ForeignKeys.resolve(relation, child);
    if (resolution instanceof Resolution.NotAColumn notAColumn) {
      // A newcomer wrote the component's name (assigneeId) for the column's (assignee_id).
      Optional<String> column =
          child.columns().stream().filter(c -> c.component().equals(notAColumn.foreignKey())).map(ColumnSpec::name).findFirst();
      errors.add(
          column.isPresent()
              ? Diagnostic.error(
                      Message.FOREIGN_KEY_IS_A_COMPONENT,
                      relation.origin(),
                      childName,
                      notAColumn.foreignKey(),
                      parent.displayName(),
                      child.table(),
                      notAColumn.foreignKey(),
                      column.get(),
                      column.get())
                  .onAttribute("foreignKey")
              : Diagnostic.error(
                      Message.FOREIGN_KEY_NOT_A_COLUMN,
                      relation.origin(),
                      childName,
                      notAColumn.foreignKey(),
                      parent.displayName(),
                      child.table(),
                      notAColumn.foreignKey(),
                      Names.columns(child.columns()))
                  .onAttribute("foreignKey"));
    } else if (resolution instanceof Resolution.NotBelongingTo notBelonging) {
      errors.add(
          Diagnostic.error(
                  Message.FOREIGN_KEY_WITHOUT_BELONGS_TO,
                  relation.origin(),
                  childName,
                  parent.displayName(),
                  child.displayName(),
                  notBelonging.column().component(),
                  notBelonging.column().name(),
                  parent.displayName())
              .onAttribute("foreignKey"));
    } else if (resolution instanceof Resolution.NoCandidate) {
      String component = conventionalComponent(parent);
      Optional<ColumnSpec> conventional =
          child.columns().stream()
              .filter(c -> c.component().equals(component) && c.belongsTo().isEmpty())
              .findFirst();
      errors.add(
          Diagnostic.error(
                  Message.NO_FOREIGN_KEY,
                  relation.origin(),
                  childName,
                  parent.displayName(),
                  child.displayName(),
                  parent.displayName(),
                  child.table(),
                  parent.table(),
                  parent.displayName(),
                  conventional
                      .map(c -> Names.component(child, c))
                      .orElse("the component of " + child.displayName() + " that holds it, or add one"),
                  "@BelongsTo("
                      + parent.displayName()
                      + ".class) "
                      + foreignKeyType(parent, relation)
                      + " "
                      + component)
              .onAttribute("value"));
    } else if (resolution instanceof Resolution.Ambiguous ambiguous) {
      errors.add(
          Diagnostic.error(
                  Message.AMBIGUOUS_FOREIGN_KEY,
                  relation.origin(),
                  childName,
                  parent.displayName(),
                  child.displayName(),
                  parent.displayName(),
                  Names.components(ambiguous.candidates()),
                  Names.columns(ambiguous.candidates()))
              .onAttribute("value"));
    } else if (resolution instanceof Resolution.Found foreignKey) {
      checkFound(schema, parent, child, relation, foreignKey.column(), errors);
    }
  }

  private static void checkFound(
      Schema schema,
      ModelSpec parent,
      ModelSpec child,
      RelationSpec relation,
      ColumnSpec column,
      List<Diagnostic> errors) {
    // Parents of one column with keys of different types are reported once, on the column: saying
    // to each parent to declare the column as its key's type would send the user in circles.
    parent
        .key()
        .filter(key -> !parentKeysDiffer(schema, column))
        .filter(key -> !WholeNumbers.holds(column.type(), key.type()))
        .ifPresent(
            key ->
                errors.add(
                    Diagnostic.error(
                        Message.FOREIGN_KEY_TYPE_MISMATCH,
                        column.origin(),
                        child.displayName(),
                        column.component(),
                        column.type(),
                        parent.displayName(),
                        parent.displayName(),
                        key.component(),
                        key.type(),
                        column.component(),
                        column.nullable() ? key.type().box() : key.type())));
    if (relation.onDelete() == OnDelete.SET_NULL && !column.nullable()) {
      errors.add(
          Diagnostic.error(
                  Message.SET_NULL_ON_PRIMITIVE,
                  relation.origin(),
                  Names.simple(relation.child()),
                  child.displayName(),
                  column.component(),
                  column.type(),
                  column.type().box())
              .onAttribute("onDelete"));
    }
    if (column.belongsTo().size() > 1 && relation.where().isEmpty()) {
      errors.add(
          Diagnostic.error(
                  Message.POLYMORPHIC_WITHOUT_WHERE,
                  relation.origin(),
                  Names.simple(relation.child()),
                  parent.displayName(),
                  child.displayName(),
                  column.component(),
                  String.join(", ", column.belongsTo().stream().map(Names::simple).toList()),
                  parent.displayName())
              .onAttribute("value"));
    }
  }

  /**
   * A polymorphic key ({@code @BelongsTo({Customer.class, Order.class})}) is one column holding the
   * key of each of its parents, so their keys must be of one type.
   */
  private static void checkPolymorphicKeyTypes(
      Schema schema, ModelSpec child, ColumnSpec column, List<Diagnostic> errors) {
    if (!parentKeysDiffer(schema, column)) {
      return;
    }
    String keys =
        keyedParents(schema, column).stream()
            .map(parent -> describeKey(parent, parent.key().orElseThrow()))
            .collect(Collectors.joining(", "));
    errors.add(
        Diagnostic.error(
                Message.POLYMORPHIC_KEY_TYPES_DIFFER,
                column.belongsToOrigin(),
                child.displayName(),
                column.component(),
                keys,
                column.component())
            .onAttribute("value"));
  }

  /** {@code Order.id is long}. */
  private static String describeKey(ModelSpec parent, ColumnSpec key) {
    return Names.component(parent, key) + " is " + Names.simple(key.type());
  }

  /**
   * Whether the column's parents have keys of several types ({@code long} is {@code Long}), other
   * than whole numbers of several widths, which a column as wide as the widest holds.
   */
  private static boolean parentKeysDiffer(Schema schema, ColumnSpec column) {
    List<TypeName> keys = keyedParents(schema, column).stream().map(parent -> parent.key().orElseThrow().type().box()).distinct().toList();
    return keys.size() > 1 && !WholeNumbers.all(keys);
  }

  /** The column's parents that are models with a key, in the order of its {@code @BelongsTo}. */
  private static List<ModelSpec> keyedParents(Schema schema, ColumnSpec column) {
    return column.belongsTo().stream()
        .map(schema::model)
        .flatMap(Optional::stream)
        .filter(p -> p.key().isPresent())
        .toList();
  }

  /** The component that would hold a key of {@code User} by convention: {@code userId}. */
  private static String conventionalComponent(ModelSpec parent) {
    String simple = parent.type().simpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "Id";
  }

  /** The type a foreign key to the parent needs: its key's, boxed when it must hold null. */
  private static String foreignKeyType(ModelSpec parent, RelationSpec relation) {
    return parent
        .key()
        .map(ColumnSpec::type)
        .map(type -> relation.onDelete() == OnDelete.SET_NULL ? type.box() : type)
        .map(Names::simple)
        .orElse("long");
  }

  private static void checkBelongsTo(
      Schema schema,
      ModelSpec child,
      ColumnSpec column,
      ClassName parentType,
      List<Diagnostic> errors) {
    String parentName = Names.simple(parentType);
    Optional<ModelSpec> parent = schema.model(parentType);
    if (parent.isEmpty()) {
      if (!schema.unreadable().contains(parentType)) {
        errors.add(
            Diagnostic.error(
                    Message.BELONGS_TO_TARGET_NOT_TABLE,
                    column.belongsToOrigin(),
                    parentName,
                    child.displayName(),
                    column.component(),
                    parentName)
                .onAttribute("value"));
      }
      return;
    }
    List<RelationSpec> toChild =
        parent.get().hasMany().stream().filter(r -> r.child().equals(child.type())).toList();
    boolean declared =
        toChild.stream()
            .anyMatch(r -> ForeignKeys.found(r, child).filter(c -> c.equals(column)).isPresent());
    // A @HasMany of this child whose foreign key does not resolve is reported on its own; saying
    // here that the parent declares none would send the user the wrong way.
    boolean reportedOnHasMany = toChild.stream().anyMatch(r -> ForeignKeys.found(r, child).isEmpty());
    if (!declared && !reportedOnHasMany) {
      // A parent read from a class file may be in a module this one depends on, which cannot name the child.
      boolean compiledEarlier = !schema.ofRound().contains(parentType);
      errors.add(
          Diagnostic.error(
                  compiledEarlier
                      ? Message.BELONGS_TO_WITHOUT_HAS_MANY_COMPILED_EARLIER
                      : Message.BELONGS_TO_WITHOUT_HAS_MANY,
                  column.belongsToOrigin(),
                  parentName,
                  child.displayName(),
                  column.component(),
                  parentName,
                  child.displayName(),
                  column.name(),
                  child.displayName(),
                  compiledEarlier ? child.displayName() : parentName)
              .onAttribute("value"));
    }
  }
}
