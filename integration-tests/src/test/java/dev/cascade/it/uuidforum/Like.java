package dev.cascade.it.uuidforum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;
import java.util.UUID;

@Table("uuid_likes")
public record Like(
    UUID id, @BelongsTo(Comment.class) UUID commentId, @BelongsTo(User.class) UUID userId, Instant deletedAt) {}
