package dev.cascade.it.shop;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A customer, whose orders live in a table named with a reserved word. */
@Table("customers")
@HasMany(Order.class)
public record Customer(long id, String name, Instant deletedAt) {}
