package dev.cascade.it.keys.market;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A stall's voucher, which keeps the stall (RESTRICT); its table sorts after the stall's. */
@Table("vouchers")
public record Voucher(long id, @BelongsTo(Stall.class) long stallId, String code, Instant deletedAt) {}
