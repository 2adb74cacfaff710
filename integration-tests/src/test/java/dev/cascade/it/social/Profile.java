package dev.cascade.it.social;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

/**
 * A profile in a social app: two relations from one child table to the same parent, as sender and
 * recipient of a message, and a join table whose two keys both point at profiles.
 */
@Table("profiles")
@HasMany(value = Friendship.class, foreignKey = "profile_id")
@HasMany(value = Friendship.class, foreignKey = "friend_id")
@HasMany(value = Message.class, foreignKey = "sender_id")
@HasMany(value = Message.class, foreignKey = "recipient_id", onDelete = OnDelete.SET_NULL)
public record Profile(long id, String name, Instant deletedAt) {}
