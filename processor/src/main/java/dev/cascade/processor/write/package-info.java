/**
 * Plans in, JavaPoet files out. No decisions are made here, only layout; writers read the plan and
 * the model, never {@code Elements} or {@code Types}.
 */
package dev.cascade.processor.write;
