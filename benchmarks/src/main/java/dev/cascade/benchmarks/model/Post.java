package dev.cascade.benchmarks.model;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A user's post; owns comments. */
@Table("posts")
@HasMany(Comment.class)
public record Post(long id, @BelongsTo(User.class) long userId, String title, Instant deletedAt) {}
