package dev.cascade.example;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

@Table("posts")
@HasMany(Comment.class)
public record Post(long id, @BelongsTo(Author.class) long authorId, String title, Instant deletedAt) {}
