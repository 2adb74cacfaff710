package dev.cascade.processor.plan;

import java.util.List;

/**
 * One text of a constant, shared by some dialects.
 *
 * @param field the Java field holding it: the constant's name for the default text, suffixed with
 *     the dialects otherwise ({@code DELETE_ORDERS_MYSQL})
 * @param dialects the dialects that use it
 * @param sql its text, references naming the matching variants of other constants
 */
public record SqlVariant(String field, List<Dialect> dialects, SqlText sql) {}
