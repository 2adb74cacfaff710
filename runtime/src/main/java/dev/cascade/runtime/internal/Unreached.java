package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Operation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rows an operation removed or marked, as the journal recorded them, in tables that the cascade
 * of the model running now does not reach: the model changed between the operation and now. A
 * newer build of the application, running beside this one in a rolling deploy, added a relation;
 * or this build removed one, or made it {@code SET_NULL} or {@code RESTRICT}. A restore or purge by
 * this model would leave those rows soft-deleted, or in the trash, for good, while the journal
 * called the operation restored or purged (a newcomer's trial: 128 rows stranded so in 30 s of two
 * builds side by side).
 *
 * @param rowsByTable the operation's rows in each table the model does not reach
 */
record Unreached(Operation operation, Map<String, Long> rowsByTable) {

  /** The operation's rows outside the model's cascade, if it has any. */
  static Optional<Unreached> of(CascadeSchema schema, Operation operation) {
    Set<String> reached =
        schema.tables().stream()
            .filter(table -> table.trashTable().isPresent())
            .map(table -> table.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    Map<String, Long> outside = new LinkedHashMap<>();
    operation.rowsByTable().forEach((table, rows) -> {
      if (rows > 0 && !reached.contains(table.toLowerCase(Locale.ROOT))) {
        outside.put(table, rows);
      }
    });
    return outside.isEmpty() ? Optional.empty() : Optional.of(new Unreached(operation, outside));
  }

  /**
   * Why, for a message that goes on from {@code "cannot restore operation X of posts [7]: "}.
   *
   * @param undo what the caller cannot do: {@code "restore"} or {@code "purge"}
   */
  String explain(String undo) {
    String rows =
        rowsByTable.entrySet().stream()
            .map(e -> e.getValue() + (e.getValue() == 1 ? " row of " : " rows of ") + e.getKey())
            .collect(Collectors.joining(", "));
    return "it deleted " + rows + ", which the cascade of this build's model from " + operation.table()
        + " does not reach: the model changed since, and a " + undo + " by this model would leave those rows deleted"
        + " for good; " + undo + " it with a build whose model reaches them: the newer build, where a newer one running"
        + " beside this one added the relation (a rolling deploy), or a build from before the change, where this one"
        + " removed the relation or made it SET_NULL or RESTRICT";
  }
}
