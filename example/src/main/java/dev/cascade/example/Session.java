package dev.cascade.example;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;

/** A login session; it outlives its author, signed out (SET_NULL). */
@Table("sessions")
public record Session(long id, @BelongsTo(Author.class) Long authorId, String device) {}
