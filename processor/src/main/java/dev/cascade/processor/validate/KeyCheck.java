package dev.cascade.processor.validate;

import com.palantir.javapoet.TypeName;
import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.diagnostic.Message;
import dev.cascade.processor.model.Access;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.Origin;
import dev.cascade.processor.model.GeneratedNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One key column at most, of a type the runtime knows; a parent needs one; generated code must be
 * able to see the record.
 */
final class KeyCheck {
  /**
   * The types a key may have: those the runtime binds, packs and reads back from the journal (its
   * {@code KeyType}; {@code KeyTypesTest} checks that the two lists agree).
   */
  static final List<Class<?>> KEY_CLASSES =
      List.of(long.class, Long.class, int.class, Integer.class, short.class, Short.class, UUID.class, String.class);

  private static final Set<TypeName> KEY_TYPES =
      KEY_CLASSES.stream().map(TypeName::get).collect(Collectors.toUnmodifiableSet());

  private KeyCheck() {}

  static List<Diagnostic> check(Collection<ModelSpec> models) {
    List<Diagnostic> errors = new ArrayList<>();
    for (ModelSpec model : models) {
      List<ColumnSpec> keys = model.columns().stream().filter(ColumnSpec::key).toList();
      if (keys.size() > 1) {
        errors.add(
            Diagnostic.error(
                Message.MULTIPLE_KEYS,
                keys.get(1).origin(),
                model.displayName(),
                Names.components(keys)));
      }
      if (!keys.isEmpty() && !KEY_TYPES.contains(keys.get(0).type().withoutAnnotations())) {
        ColumnSpec key = keys.get(0);
        errors.add(
            Diagnostic.error(
                Message.UNSUPPORTED_KEY_TYPE,
                key.origin(),
                model.displayName(),
                key.component(),
                model.table(),
                key.type(),
                key.component()));
      }
      if (keys.isEmpty() && !model.hasMany().isEmpty()) {
        errors.add(
            Diagnostic.error(
                Message.CHILDREN_WITHOUT_KEY, Origin.of(model.origin().element()), model.displayName()));
      }
      if (model.access() == Access.PRIVATE) {
        errors.add(
            Diagnostic.error(
                Message.RECORD_IS_PRIVATE,
                Origin.of(model.origin().element()),
                model.displayName(),
                GeneratedNames.deleter(model.type()).simpleName()));
      }
    }
    return errors;
  }
}
