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
        errors.add(
            Diagnostic.error(
                    Message.DUPLICATE_TABLE,
                    model.origin(),
                    model.table(),
                    earlier.displayName(),
                    model.displayName())
                .onAttribute("value"));
      }
    }
    return errors;
  }
}
