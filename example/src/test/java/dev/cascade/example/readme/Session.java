package dev.cascade.example.readme;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;

/** A user's sessions are unlinked when the user goes ({@code SET_NULL}). */
// tag::session-model[]
@Table("sessions")
public record Session(long id, @BelongsTo(User.class) Long userId, String token) {}
// end::session-model[]
