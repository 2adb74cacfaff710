package dev.cascade.example;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** Belongs to a post and to its author, so deleting an author reaches it by two paths. */
@Table("comments")
@HasMany(Like.class)
public record Comment(
    long id,
    @BelongsTo(Post.class) long postId,
    @BelongsTo(Author.class) long authorId,
    String body,
    Instant deletedAt) {}
