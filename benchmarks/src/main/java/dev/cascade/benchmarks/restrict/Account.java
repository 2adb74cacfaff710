package dev.cascade.benchmarks.restrict;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** An account: its carts go with it, its invoices keep it ({@code RESTRICT}). */
@Table("rc_accounts")
@HasMany(Cart.class)
@HasMany(value = Invoice.class, onDelete = OnDelete.RESTRICT)
public record Account(long id, String name, Instant deletedAt) {}
