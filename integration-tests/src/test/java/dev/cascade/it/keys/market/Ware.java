package dev.cascade.it.keys.market;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A {@code long} key, and a {@code long} foreign key to the stall's {@code int} one. */
@Table("wares")
@HasMany(value = Rating.class, where = "subject_type = 'ware'")
public record Ware(long id, @BelongsTo(Stall.class) long stallId, String name, Instant deletedAt) {}
