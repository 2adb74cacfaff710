package dev.cascade.it.forum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A polymorphic child: {@code subject_id} points to a post or a comment, as subject_type says. */
@Table("reactions")
public record Reaction(
    long id,
    String subjectType,
    @BelongsTo({Post.class, Comment.class}) long subjectId,
    String emoji,
    Instant deletedAt) {}
