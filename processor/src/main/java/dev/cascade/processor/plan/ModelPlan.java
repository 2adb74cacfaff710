package dev.cascade.processor.plan;

import dev.cascade.processor.model.ModelSpec;
import java.util.List;
import java.util.Map;

/**
 * Everything generated for one model, planned once for every database: the SQL constants of its
 * deleter and of its restorer, what each runs, and the tables they touch.
 *
 * @param tree the tables a delete reaches
 * @param deleterSql the deleter's constants, in the order they run
 * @param delete what the deleter runs
 * @param restorerSql the restorer's constants, in the order they run
 * @param restore what the restorer runs
 * @param schema the tables the delete touches
 * @param reserved the names some database reserves, with those databases: generated SQL writes
 *     them in double quotes, which the runtime renders as each database needs
 */
public record ModelPlan(
    CascadeTree tree,
    Program deleterSql,
    DeletePlan delete,
    Program restorerSql,
    RestorePlan restore,
    List<SchemaTable> schema,
    Map<String, List<Dialect>> reserved) {

  public ModelSpec root() {
    return tree.root();
  }
}
