package dev.cascade.benchmarks.helpdesk;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A ticket of an organization, or a follow-up of one of its tickets (a tree). */
@Table("hd_tickets")
@HasMany(value = Ticket.class, foreignKey = "parent_id")
@HasMany(Message.class)
@HasMany(Note.class)
@HasMany(value = Attachment.class, where = "owner_type = 'ticket'")
public record Ticket(
    long id,
    @BelongsTo(Organization.class) long organizationId,
    @BelongsTo(Ticket.class) Long parentId,
    String subject,
    Instant deletedAt) {}
