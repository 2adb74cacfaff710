package dev.cascade.it.forum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** Belongs to its post and to its author: reached by two paths when a user is deleted. */
@Table("comments")
@HasMany(Like.class)
@HasMany(value = Reaction.class, where = "subject_type = 'comment'")
public record Comment(
    long id,
    @BelongsTo(Post.class) long postId,
    @BelongsTo(User.class) long userId,
    String body,
    Instant deletedAt) {}
