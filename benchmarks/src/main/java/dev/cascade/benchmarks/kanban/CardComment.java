package dev.cascade.benchmarks.kanban;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A comment on a card, or a reply to one of its comments (a tree). */
@Table("kb_comments")
@HasMany(value = CardComment.class, foreignKey = "parent_id")
public record CardComment(
    long id,
    @BelongsTo(Card.class) long cardId,
    @BelongsTo(CardComment.class) Long parentId,
    String body,
    Instant deletedAt) {}
