package dev.cascade.processor.plan;

import java.util.Map;

/**
 * A named SQL string of a generated class: a statement, or a subquery that statements share.
 *
 * @param name the Java constant's name, for example {@code DELETE_COMMENTS_BY_POST_ID}
 * @param comment one line saying what it does and which relation it serves
 * @param sql its text, for every database but those in {@code variants}
 * @param variants a statement's own text on the databases that write it differently; subqueries
 *     have none, so that no statement differs only by the subqueries it names
 */
public record Constant(String name, String comment, SqlText sql, Map<Dialect, SqlText> variants) {

  public Constant {
    variants = Map.copyOf(variants);
  }

  /** The text on this database. */
  public SqlText sql(Dialect dialect) {
    return variants.getOrDefault(dialect, sql);
  }
}
