package dev.cascade.it.helpdesk;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A ticket; sub-tickets form a tree below it, and tags label it through a table without a key. */
@Table("tickets")
@HasMany(value = Ticket.class, foreignKey = "parent_id")
@HasMany(TicketTag.class)
@Deletable(strategy = DeleteStrategy.SOFT)
public record Ticket(
    long id,
    @BelongsTo(Organization.class) long organizationId,
    @BelongsTo(Ticket.class) Long parentId,
    String subject,
    Instant deletedAt) {}
