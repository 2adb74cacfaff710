package dev.cascade.processor.validate;

import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.diagnostic.Message;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.plan.Protocol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A trash table holds every column of its table plus {@code original_table}, {@code deletion_id}
 * and the time of the delete, so a table may not have columns of those names itself.
 */
final class TrashColumnCheck {
  private static final Set<String> RESERVED = Set.of(Protocol.ORIGINAL_TABLE, Protocol.DELETION_ID);

  private TrashColumnCheck() {}

  static List<Diagnostic> check(Collection<ModelSpec> models) {
    List<Diagnostic> errors = new ArrayList<>();
    for (ModelSpec model : models) {
      for (ColumnSpec column : model.columns()) {
        boolean clash =
            RESERVED.contains(column.name().toLowerCase(java.util.Locale.ROOT))
                || (column.isNamed(Protocol.TRASHED_AT) && model.column(Protocol.DELETED_AT_COLUMN).isPresent());
        if (clash) {
          errors.add(
              Diagnostic.error(
                  Message.TRASH_COLUMN_CLASH,
                  column.origin(),
                  model.displayName(),
                  column.component(),
                  column.name(),
                  model.trashTable()));
        }
      }
    }
    return errors;
  }
}
