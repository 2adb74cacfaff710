package dev.cascade.it.uuidforum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;
import java.util.UUID;

@Table("uuid_posts")
@HasMany(Comment.class)
@HasMany(value = Reaction.class, where = "subject_type = 'post'")
public record Post(UUID id, @BelongsTo(User.class) UUID userId, String title, Instant deletedAt) {}
