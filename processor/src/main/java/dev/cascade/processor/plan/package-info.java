/**
 * The relation graph in, one dialect-neutral plan per model out: the SQL constants of its deleter
 * and restorer, in the order they run, with a statement's own text only for the databases that
 * write it differently. {@link dev.cascade.processor.plan.Reach} is the vocabulary (the rows an
 * operation reaches, in a {@link dev.cascade.processor.plan.Source}); the planners compose it.
 * Pure Java over the model: no compiler types are needed, so the planners are tested directly.
 */
package dev.cascade.processor.plan;
