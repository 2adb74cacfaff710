package dev.cascade.benchmarks.restrict;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** An invoice, which keeps its account from being deleted. */
@Table("rc_invoices")
public record Invoice(long id, @BelongsTo(Account.class) long accountId, long cents, Instant deletedAt) {}
