/**
 * A Q&A site's questions and their comments, in reply trees whose comments quote one another: a
 * table linked to itself by {@code CASCADE} and by {@code SET_NULL}, for {@code QuotedTreeRun}.
 */
package dev.cascade.benchmarks.quotes;
