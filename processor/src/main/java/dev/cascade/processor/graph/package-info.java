/**
 * The relation graph: models as nodes, resolved {@code @HasMany} relations as edges, and the cycle
 * search that returns a whole path.
 */
package dev.cascade.processor.graph;
