package dev.cascade.it.uuidforum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** A polymorphic child: {@code subject_id} is a post's or a comment's UUID, as subject_type says. */
@Table("uuid_reactions")
public record Reaction(
    UUID id,
    String subjectType,
    @BelongsTo({Post.class, Comment.class}) UUID subjectId,
    String emoji,
    Instant deletedAt) {}
