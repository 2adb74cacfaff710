package dev.cascade.runtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Soft-deleted roots whose {@code deleted_at} no operation in the journal wrote, where an operation
 * that named them wrote another: most likely a delete from an application instance in another time
 * zone, which writes a timestamp column without a time zone in its own local time, so that this
 * instance reads another instant; or a delete made with the journal off. A newcomer's trial found a
 * purge that then marked such an operation {@code PURGED} with every row still there, and a restore
 * that said the rows were "restored or deleted again since".
 */
final class ForeignMarkers {
  private ForeignMarkers() {}

  /**
   * Why the roots do not carry the operation's marker, for a message that goes on from {@code
   * "cannot ... operation X: "}.
   *
   * @param found the markers the roots carry, none of them an operation's in the journal
   * @param written the operation's marker
   */
  static String explain(String table, List<Object> keys, List<Instant> found, Instant written) {
    Duration apart = Duration.between(written, found.get(0)).abs();
    return table + " " + keys + " carry deleted_at " + found + ", which no operation in the journal wrote, where this"
        + " operation wrote " + written + " (" + apart.toHours() + " h " + apart.toMinutesPart() + " min apart): a delete"
        + " from an application instance in another time zone writes a timestamp column without a time zone in its"
        + " own local time, which this instance reads as another instant (run every instance in the same time zone, or"
        + " use timestamp with time zone columns), or they were soft-deleted with the journal off; nothing was changed";
  }
}
