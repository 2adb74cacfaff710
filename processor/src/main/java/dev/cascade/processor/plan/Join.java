package dev.cascade.processor.plan;

import java.util.Optional;

/**
 * Rows of a table reached through one relation, as a join: {@code FROM (source) AS cascade_keys
 * JOIN table ON on WHERE filter}, the table's columns qualified by its name.
 *
 * @param source the parent's keys (and markers)
 * @param on the foreign key (and marker) matching them, and the relation's {@code where}
 * @param filter the source's own condition on the table's rows
 */
record Join(SqlText source, SqlText on, Optional<Condition> filter) {
  /** What the parent's keys are called in the join. */
  static final String ALIAS = "cascade_keys";
}
