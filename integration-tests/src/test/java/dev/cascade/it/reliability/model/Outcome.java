package dev.cascade.it.reliability.model;

import java.util.Map;

/** What the reference model expects of one step. */
sealed interface Outcome {
  /** The call must throw a {@code CascadeException} and change nothing. */
  record Fails(String reason) implements Outcome {}

  /**
   * The call must succeed and leave exactly {@code after}.
   *
   * @param deletedCount for a delete, the root rows it must report; -1 for a restore
   * @param rowsByTable for a delete, the rows per table it must report (tables with none left out)
   */
  record Succeeds(ForumState after, long deletedCount, Map<String, Long> rowsByTable) implements Outcome {}
}
