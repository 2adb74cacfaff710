package dev.cascade.processor.plan;

import java.util.List;

/**
 * Restoring a {@code SOFT} delete: find which requested ids are soft-deleted, check that their
 * parents are not, then clear the soft-delete column of the operation's rows, children first
 * (the markers of the parents are needed until the end).
 */
public record SoftRestorePlan(
    String deletedIds, String candidates, List<RestoreCheck> checks, List<PlannedStep> unmarks) {}
