package dev.cascade.processor.plan;

import java.util.List;

/**
 * One statement of a delete that changes rows.
 *
 * @param kind what it does
 * @param table the table it changes
 * @param column the foreign key it clears, for {@link Kind#NULLIFY}; else null
 * @param constant the SQL constant it runs
 * @param root whether it changes the rows the call names, whose count is {@code deletedCount()}
 * @param only the databases it runs on; empty for all
 */
public record DeleteStep(Kind kind, String table, String column, String constant, boolean root, List<Dialect> only) {

  public DeleteStep {
    only = List.copyOf(only);
  }

  /** What a delete statement does; the runtime's {@code DeleteStep.Kind} has the same names. */
  public enum Kind {
    /** Sets a foreign key to null, for {@code SET_NULL}. */
    NULLIFY,
    /** Copies rows into their trash table, for {@code TRASH}. */
    COPY,
    /** Sets the soft-delete column, for {@code SOFT}. */
    MARK,
    /**
     * Re-links a tree's rows before they are deleted, for the databases in {@code only}: points
     * every row below the tops at its top, so that databases checking foreign keys row by row can
     * delete them in any order; or unlinks a named top nested below another, for the others.
     */
    FLATTEN,
    /**
     * Sets to null a table's links to its own rows among the rows the operation deletes ({@code
     * SET_NULL} to itself), after their copies, so that they can go in any order; not counted.
     */
    UNLINK,
    /** Deletes rows. */
    DELETE
  }
}
