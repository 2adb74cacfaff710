package dev.cascade.processor.plan;

import java.util.List;
import java.util.Optional;

/**
 * Restoring a {@code TRASH} delete: which requested rows are in the trash (each from its latest
 * delete), the parents that must be live and the keys that must be free, then copying the
 * operations' rows back parents first and removing them from the trash children first.
 *
 * @param lookup the requested keys in the trash, with their deletion id and time
 * @param restorable every trashed root whose parents are live, with its deletion id and time
 * @param scope how many copies in the root's trash the restored operations hold that the call
 *     names or that are tops: when it is the number of roots found, the call restores whole
 *     operations ({@link Protocol#ONLY_NAMED})
 * @param nested for a tree's root table, how many of the copies the call names hang below another
 *     row their operation trashed: restoring whole operations, these are not roots ({@link
 *     Protocol#WHOLE_ONLY})
 * @param records the trashed root records, for listeners
 * @param takenRoots the requested keys another row has taken since
 * @param taken keys of rows coming back with the roots that another row has taken since
 * @param insertWithNewKey for a key the database generates, the insert that gives a root whose
 *     key was taken a new one
 * @param counts per table, parents first, a query of one row per row the restore brings back: the
 *     keys its statements use, which a preview counts
 */
public record TrashRestorePlan(
    String lookup,
    String restorable,
    String scope,
    Optional<String> nested,
    String records,
    Checks checks,
    String takenRoots,
    Checks taken,
    Optional<String> insertWithNewKey,
    List<RestoreStep> steps,
    List<Count> counts) {

  public TrashRestorePlan {
    steps = List.copyOf(steps);
    counts = List.copyOf(counts);
  }
}
