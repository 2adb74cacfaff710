package dev.cascade.it.wide;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A reaction to a document or a comment: {@code subject_type} says which. */
@Table("ws_reactions")
public record Reaction(
    long id,
    String subjectType,
    @BelongsTo({Document.class, Comment.class}) long subjectId,
    @BelongsTo(User.class) long userId,
    String emoji,
    Instant deletedAt) {}
