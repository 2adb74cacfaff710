package dev.cascade.it.uuidforum;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** The forum's user with a UUID key, for the reliability tests on UUID keys. */
@Table("uuid_users")
@HasMany(Post.class)
@HasMany(Comment.class)
@HasMany(Like.class)
@HasMany(value = Invoice.class, onDelete = OnDelete.RESTRICT)
@HasMany(value = Session.class, onDelete = OnDelete.SET_NULL)
public record User(UUID id, String name, Instant deletedAt) {}
