package dev.cascade.it.keys.teams;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;

/** A boxed {@code Integer} key, and an {@code Integer} foreign key that SET_NULL clears. */
@Table("desks")
public record Desk(Integer id, @BelongsTo(Team.class) Integer teamId, String label) {}
