package dev.cascade.processor.plan;

import dev.cascade.processor.model.ModelSpec;
import java.util.Optional;

/**
 * Everything a generated {@code XRestorer} holds, for one dialect.
 *
 * @param selectRecords loads live records by {@code <ids>}: what a restore returns
 * @param liveIds which requested ids exist and are not deleted, for a clear error
 * @param soft how to restore a soft delete, when every table of the cascade can be soft-deleted
 * @param trash how to restore from the trash
 */
public record RestorerPlan(
    CascadeTree tree,
    SqlProgram program,
    String selectRecords,
    String liveIds,
    Optional<SoftRestorePlan> soft,
    TrashRestorePlan trash) {

  public ModelSpec root() {
    return tree.root();
  }
}
