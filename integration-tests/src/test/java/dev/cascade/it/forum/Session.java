package dev.cascade.it.forum;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;

/** Sessions outlive their user, unlinked: SET_NULL. */
@Table("sessions")
public record Session(long id, @BelongsTo(User.class) Long userId, String token) {}
