package dev.cascade.benchmarks.restrict;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** An account's cart, deleted with it. */
@Table("rc_carts")
public record Cart(long id, @BelongsTo(Account.class) long accountId, Instant deletedAt) {}
