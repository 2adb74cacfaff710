package dev.cascade.it.shop;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** {@code order} is reserved everywhere, {@code value} by H2. */
@Table("order")
@HasMany(OrderLine.class)
public record Order(long id, @BelongsTo(Customer.class) long customerId, long value, Instant deletedAt) {}
