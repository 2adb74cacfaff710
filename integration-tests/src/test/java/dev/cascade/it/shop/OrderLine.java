package dev.cascade.it.shop;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A line of an order; {@code group} is reserved everywhere. */
@Table("order_lines")
public record OrderLine(long id, @BelongsTo(Order.class) long orderId, String group, Instant deletedAt) {}
