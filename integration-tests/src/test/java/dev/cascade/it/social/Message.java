package dev.cascade.it.social;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A message: deleted with its sender, kept without its recipient. */
@Table("messages")
public record Message(
    long id, @BelongsTo(Profile.class) long senderId, @BelongsTo(Profile.class) Long recipientId, String body,
    Instant deletedAt) {}
