/**
 * A help desk's organizations, their tickets (a tree of follow-ups), the tickets' messages and
 * notes, and attachments on any of the three through one polymorphic key, soft-deleted by
 * default: for {@code PolymorphicRun}.
 */
package dev.cascade.benchmarks.helpdesk;
