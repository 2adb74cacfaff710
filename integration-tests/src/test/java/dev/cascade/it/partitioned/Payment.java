package dev.cascade.it.partitioned;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A payment, in one partition of {@code pt_payments} by the month it was paid in. */
@Table("pt_payments")
public record Payment(long id, @BelongsTo(Customer.class) long customerId, long cents, LocalDate paidOn, Instant deletedAt) {}
