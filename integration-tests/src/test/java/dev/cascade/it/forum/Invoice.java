package dev.cascade.it.forum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;

/** A user with invoices may not be deleted: RESTRICT. */
@Table("invoices")
public record Invoice(long id, @BelongsTo(User.class) long userId, long amountCents) {}
