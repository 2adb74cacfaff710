package dev.cascade.processor.plan;

import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.model.ModelSpec;
import java.util.Optional;

/**
 * The rows of a table one statement works on: reached through one relation, or the roots.
 *
 * @param table the table
 * @param edge the relation, or empty for the roots and for rows found otherwise
 * @param what a phrase for comments: {@code the comments through comments.post_id -> posts}
 * @param condition the rows as a condition on the table's source
 * @param join the same rows as a join of the parent's keys with the table, for a relation
 * @param recursive whether a tree's recursive query is involved (see {@link Reach})
 */
record Link(
    ModelSpec table,
    Optional<Edge> edge,
    String what, Condition condition, Optional<Join> join, boolean recursive) {}
