package dev.cascade.benchmarks.helpdesk;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A message on a ticket. */
@Table("hd_messages")
@HasMany(value = Attachment.class, where = "owner_type = 'message'")
public record Message(long id, @BelongsTo(Ticket.class) long ticketId, String body, Instant deletedAt) {}
