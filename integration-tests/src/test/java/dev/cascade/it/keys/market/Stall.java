package dev.cascade.it.keys.market;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** An {@code int} key the database generates, a parent of wares and of ratings; its vouchers keep it. */
@Table("stalls")
@HasMany(Ware.class)
@HasMany(value = Voucher.class, onDelete = OnDelete.RESTRICT)
@HasMany(value = Rating.class, where = "subject_type = 'stall'")
public record Stall(int id, String name, Instant deletedAt) {}
