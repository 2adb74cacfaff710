/**
 * A shop whose accounts may not be deleted while they have invoices ({@code RESTRICT}), for
 * {@code RestrictCheckRun}: what the check costs a small delete.
 */
package dev.cascade.benchmarks.restrict;
