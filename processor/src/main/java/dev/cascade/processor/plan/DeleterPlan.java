package dev.cascade.processor.plan;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.processor.model.ModelSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a generated {@code XDeleter} holds, for one dialect.
 *
 * @param tree the tables the delete reaches
 * @param program the SQL constants
 * @param selectRoots the constant that loads root records, for event listeners
 * @param strategies the plan of each strategy this model can be deleted with
 * @param softUnsupported why {@code SOFT} is missing from {@code strategies}, when it is
 * @param schema the tables the delete touches, for the runtime's DDL helper and schema check
 * @param reservedNames the schema's names some dialect reserves, with those dialects, so that the
 *     runtime quotes them exactly as generated SQL does
 */
public record DeleterPlan(
    CascadeTree tree,
    SqlProgram program,
    String selectRoots,
    Map<DeleteStrategy, StrategyPlan> strategies,
    Optional<String> softUnsupported,
    List<SchemaTable> schema,
    Map<String, List<Dialect>> reservedNames) {

  public ModelSpec root() {
    return tree.root();
  }
}
