/**
 * The relation graph in, ordered SQL per strategy and dialect out. Pure Java over the model: no
 * compiler types are needed, so the planner is tested directly.
 */
package dev.cascade.processor.plan;
