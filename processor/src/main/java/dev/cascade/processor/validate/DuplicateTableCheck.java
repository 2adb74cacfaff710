package dev.cascade.processor.validate;

import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.diagnostic.Message;
import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Two records may not mirror the same table: whose relations would count? */
final class DuplicateTableCheck {
  private DuplicateTableCheck() {}

  static List<Diagnostic> check(Collection<ModelSpec> models) {
    List<Diagnostic> errors = new ArrayList<>();
    Map<String, ModelSpec> first = new HashMap<>();
    for (ModelSpec model : models) {
      ModelSpec earlier = first.putIfAbsent(model.table().toLowerCase(Locale.ROOT), model);
      if (earlier != null) {
        // Records of one name in two packages are told apart by their packages.
        boolean sameName = earlier.displayName().equals(model.displayName());
        errors.add(
            Diagnostic.error(
                    Message.DUPLICATE_TABLE,
                    model.origin(),
                    model.table(),
                    sameName ? earlier.type().canonicalName() : earlier.displayName(),
                    sameName ? model.type().canonicalName() : model.displayName())
                .onAttribute("value"));
      }
    }
    return errors;
  }
}
