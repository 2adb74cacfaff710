package dev.cascade.benchmarks.model;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A comment on a post; owns likes. */
@Table("comments")
@HasMany(Like.class)
public record Comment(long id, @BelongsTo(Post.class) long postId, String body, Instant deletedAt) {}
