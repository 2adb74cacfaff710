package dev.cascade.example;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

@Table("likes")
public record Like(
    long id, @BelongsTo(Comment.class) long commentId, @BelongsTo(Author.class) long authorId, Instant deletedAt) {}
