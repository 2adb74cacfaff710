package dev.cascade.processor.validate;

import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.diagnostic.Message;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Table and column names must be plain SQL identifiers; reserved words are quoted later. */
final class IdentifierCheck {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private IdentifierCheck() {}

  static boolean isPlain(String name) {
    return PLAIN.matcher(name).matches();
  }

  static List<Diagnostic> check(Collection<ModelSpec> models) {
    List<Diagnostic> errors = new ArrayList<>();
    for (ModelSpec model : models) {
      int dot = model.table().indexOf('.');
      if (dot > 0 && isPlain(model.table().substring(0, dot)) && isPlain(model.table().substring(dot + 1))) {
        errors.add(
            Diagnostic.error(
                    Message.QUALIFIED_TABLE, model.origin(), model.table(), model.table().substring(dot + 1),
                    model.table().substring(0, dot))
                .onAttribute("value"));
      } else if (!isPlain(model.table())) {
        errors.add(
            Diagnostic.error(Message.INVALID_IDENTIFIER, model.origin(), "table name", model.table())
                .onAttribute("value"));
      }
      for (ColumnSpec column : model.columns()) {
        if (!isPlain(column.name())) {
          errors.add(
              Diagnostic.error(
                      Message.INVALID_IDENTIFIER,
                      column.nameOrigin(),
                      "column name of " + Names.component(model, column) + ",",
                      column.name())
                  .onAttribute("value"));
        }
      }
      if (model.deletable().deletedAtWritten() && !isPlain(model.deletable().deletedAt())) {
        errors.add(
            Diagnostic.error(
                    Message.INVALID_IDENTIFIER,
                    model.deletable().origin(),
                    "deletedAt",
                    model.deletable().deletedAt())
                .onAttribute("deletedAt"));
      }
      model
          .deletable()
          .trashTable()
          .filter(name -> !isPlain(name))
          .ifPresent(
              name ->
                  errors.add(
                      Diagnostic.error(
                              Message.INVALID_IDENTIFIER,
                              model.deletable().origin(),
                              "trashTable",
                              name)
                          .onAttribute("trashTable")));
    }
    return errors;
  }
}
