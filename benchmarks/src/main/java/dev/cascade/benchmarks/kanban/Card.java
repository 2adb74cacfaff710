package dev.cascade.benchmarks.kanban;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A card of a list: owns its comments and attachments. */
@Table("kb_cards")
@HasMany(CardComment.class)
@HasMany(Attachment.class)
public record Card(long id, @BelongsTo(BoardList.class) long listId, String title, Instant deletedAt) {}
