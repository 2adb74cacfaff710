/**
 * A kanban app's boards, lists, cards, and the cards' comments in reply trees, soft-deleted: a
 * tree reached below the root, for {@code KanbanRun}.
 */
package dev.cascade.benchmarks.kanban;
