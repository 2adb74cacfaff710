package dev.cascade.benchmarks.helpdesk;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A file on a ticket, a message or a note, as {@code owner_type} says. */
@Table("hd_attachments")
public record Attachment(
    long id,
    String ownerType,
    @BelongsTo({Ticket.class, Message.class, Note.class}) long ownerId,
    String fileName,
    Instant deletedAt) {}
