package dev.cascade.it.uuidforum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.util.UUID;

/** Sessions outlive their user with a null UUID: SET_NULL. */
@Table("uuid_sessions")
public record Session(UUID id, @BelongsTo(User.class) UUID userId, String token) {}
