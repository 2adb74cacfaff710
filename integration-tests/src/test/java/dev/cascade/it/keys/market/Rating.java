package dev.cascade.it.keys.market;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** One {@code long} column holding the keys of stalls ({@code int}) and of wares ({@code long}). */
@Table("ratings")
public record Rating(
    long id, String subjectType, @BelongsTo({Stall.class, Ware.class}) long subjectId, int stars, Instant deletedAt) {}
