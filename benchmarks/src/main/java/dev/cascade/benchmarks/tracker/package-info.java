/**
 * A project tracker as Cascade models, for the tree benchmark (issue 16): projects own tasks,
 * tasks form a tree ({@code tasks.parent_id}) and own one comment each. The {@code Flat} models are
 * the same tables without the self relation ({@code flat_tasks} has no {@code parent_id}), to
 * measure what the tree costs. The processor writes their deleters and restorers here.
 */
package dev.cascade.benchmarks.tracker;
