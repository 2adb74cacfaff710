package dev.cascade.it.keys.teams;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** An {@code int} key the database generates. */
@Table("teams")
@HasMany(Member.class)
@HasMany(value = Desk.class, onDelete = OnDelete.SET_NULL)
public record Team(int id, String name, Instant deletedAt) {}
