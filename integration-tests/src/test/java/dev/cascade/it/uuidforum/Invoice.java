package dev.cascade.it.uuidforum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.util.UUID;

/** A user with invoices may not be deleted: RESTRICT. */
@Table("uuid_invoices")
public record Invoice(UUID id, @BelongsTo(User.class) UUID userId, long amountCents) {}
