package dev.cascade.processor.validate;

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

/** One key column at most; a parent needs one; generated code must be able to see the record. */
final class KeyCheck {
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
