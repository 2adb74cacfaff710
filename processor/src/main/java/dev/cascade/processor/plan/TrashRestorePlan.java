package dev.cascade.processor.plan;

import java.util.List;
import java.util.Optional;

/**
 * Restoring a {@code TRASH} delete: find which requested ids are in the trash, check parents and
 * ids taken in the meantime, copy the operation's rows back parents first, then remove them from
 * the trash children first.
 *
 * @param insertWithNewKey for a key the database generates, the insert that gives a root whose id
 *     was taken a new key; empty for other keys
 */
public record TrashRestorePlan(
    String trashedIds,
    String candidates,
    String trashedRecords,
    String trashInfo,
    List<RestoreCheck> checks,
    String rootConflicts,
    List<RestoreCheck> conflicts,
    Optional<String> insertWithNewKey,
    List<PlannedStep> inserts,
    List<PlannedStep> purges) {}
