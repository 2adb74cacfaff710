package dev.cascade.processor.plan;

/**
 * A named SQL string in the generated class: a statement, or a subquery statements share.
 *
 * @param name the Java constant's name, for example {@code DELETE_COMMENTS}
 * @param comment one line saying which relation it serves
 * @param sql its text
 */
public record SqlConstant(String name, String comment, SqlText sql) {}
