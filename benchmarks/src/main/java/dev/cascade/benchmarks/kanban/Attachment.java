package dev.cascade.benchmarks.kanban;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A file attached to a card. */
@Table("kb_attachments")
public record Attachment(long id, @BelongsTo(Card.class) long cardId, String fileName, Instant deletedAt) {}
