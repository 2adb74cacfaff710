package dev.cascade.runtime.internal;

import java.util.Optional;

/**
 * What each batch of one statement runs, again and again until it changes no row: on H2, first the
 * query that picks the batch's rows ({@link Limit}); for the trash, a copy and then the delete of
 * the rows copied; else one statement. Texts are as generated SQL writes them, placeholders and all.
 *
 * @param table the table whose rows it changes, as results and progress name it
 * @param kind {@link DeleteStep.Kind#DELETE}, {@link DeleteStep.Kind#MARK} or {@link
 *     DeleteStep.Kind#NULLIFY}: where its rows are counted
 * @param pick on H2, the query of the batch's row ids, which {@code copy} and {@code change} take
 * @param copy for the trash, the copy of the batch's rows into it
 * @param change the statement that deletes, marks or unlinks the batch's rows
 * @param what what it does, for a failure message
 * @param countsPicked on PostgreSQL, {@code change} is a query of the rows it changed and the rows
 *     it picked: a batch that changed fewer may have met rows another transaction moved, and the
 *     statement goes on until it picks none ({@link Limit})
 */
record BatchStatement(
    String table,
    DeleteStep.Kind kind,
    Optional<String> pick,
    Optional<String> copy,
    String change,
    String what,
    boolean countsPicked) {

  /** One statement, limited. */
  static BatchStatement of(String table, DeleteStep.Kind kind, Limit.Limited limited, String what) {
    return new BatchStatement(table, kind, limited.pick(), Optional.empty(), limited.statement(), what, limited.countsPicked());
  }
}
