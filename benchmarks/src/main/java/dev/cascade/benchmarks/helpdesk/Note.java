package dev.cascade.benchmarks.helpdesk;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** An agent's internal note on a ticket. */
@Table("hd_notes")
@HasMany(value = Attachment.class, where = "owner_type = 'note'")
public record Note(long id, @BelongsTo(Ticket.class) long ticketId, String body, Instant deletedAt) {}
