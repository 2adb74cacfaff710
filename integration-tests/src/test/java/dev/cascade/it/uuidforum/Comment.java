package dev.cascade.it.uuidforum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** Belongs to its post and to its author: reached by two paths when a user is deleted. */
@Table("uuid_comments")
@HasMany(Like.class)
@HasMany(value = Reaction.class, where = "subject_type = 'comment'")
public record Comment(
    UUID id,
    @BelongsTo(Post.class) UUID postId,
    @BelongsTo(User.class) UUID userId,
    String body,
    Instant deletedAt) {}
