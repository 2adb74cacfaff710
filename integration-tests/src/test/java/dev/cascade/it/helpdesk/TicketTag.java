package dev.cascade.it.helpdesk;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A tag on a ticket: no key, reached below the ticket tree and through the tag. */
@Table("ticket_tags")
public record TicketTag(@BelongsTo(Ticket.class) long ticketId, @BelongsTo(Tag.class) long tagId, Instant deletedAt) {}
