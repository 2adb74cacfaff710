package dev.cascade.processor.plan;

import java.util.List;

/**
 * Restoring a {@code SOFT} delete: which requested rows are soft-deleted and with which marker,
 * the parents that must be live, then clearing the marker of the operations' rows, children first
 * (a child is found through its parent's marker, so the parents keep theirs until the end).
 *
 * @param lookup the requested keys that are soft-deleted, with their markers
 * @param restorable every soft-deleted root whose parents are live, with its marker, for {@code restoreAll}
 * @param counts per table, parents first, a query of one row per row the restore brings back: the
 *     keys its statements use, which a preview counts
 * @param trashedChecks per table, the rows the operations soft-deleted that a trash took since,
 *     whose parent that trash holds soft-deleted by another operation: the restore takes their
 *     marker off, so that undoing that trash would bring them back live under it
 */
public record SoftRestorePlan(
    String lookup, String restorable, Checks checks, List<RestoreStep> steps, List<Count> counts,
    List<TrashedCheck> trashedChecks) {

  public SoftRestorePlan {
    steps = List.copyOf(steps);
    counts = List.copyOf(counts);
    trashedChecks = List.copyOf(trashedChecks);
  }
}
