package dev.cascade.it.forum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

@Table("posts")
@HasMany(Comment.class)
@HasMany(value = Reaction.class, where = "subject_type = 'post'")
public record Post(long id, @BelongsTo(User.class) long userId, String title, Instant deletedAt) {}
