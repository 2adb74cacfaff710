/**
 * Errors as values: every stage returns {@link dev.cascade.processor.diagnostic.Diagnostic}s, and
 * the processor reports them all at the end of a round, so one broken model does not hide another.
 */
package dev.cascade.processor.diagnostic;
