package dev.cascade.processor.plan;

import java.util.Optional;

/**
 * What a generated {@code XRestorer} runs.
 *
 * @param selectRecords loads live records by {@code <ids>}: what a restore returns
 * @param liveIds which requested ids exist and are not deleted, for a precise error
 * @param soft how to restore a soft delete, when every table of the cascade can be soft-deleted
 * @param trash how to restore from the trash
 */
public record RestorePlan(String selectRecords, String liveIds, Optional<SoftRestorePlan> soft, TrashRestorePlan trash) {}
