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
 * @param remaining on PostgreSQL, the count of the rows still to change, run after a batch that
 *     changed none: such a batch may have met a row another transaction moved ({@link Limit})
 */
record BatchStatement(
    String table,
    DeleteStep.Kind kind,
    Optional<String> pick,
    Optional<String> copy,
    String change,
    String what,
    Optional<String> remaining) {

  /** One statement, limited. */
  static BatchStatement of(String table, DeleteStep.Kind kind, Limit.Limited limited, String what) {
    return new BatchStatement(table, kind, limited.pick(), Optional.empty(), limited.statement(), what, limited.remaining());
  }
}
