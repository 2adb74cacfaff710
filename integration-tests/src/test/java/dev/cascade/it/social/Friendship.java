package dev.cascade.it.social;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** Two profiles that are friends: a join table without a key, both columns pointing at profiles. */
@Table("friendships")
public record Friendship(
    @BelongsTo(Profile.class) long profileId, @BelongsTo(Profile.class) long friendId, Instant deletedAt) {}
