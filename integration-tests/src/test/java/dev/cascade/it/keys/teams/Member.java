package dev.cascade.it.keys.teams;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A primitive {@code int} foreign key: CASCADE. */
@Table("members")
public record Member(int id, @BelongsTo(Team.class) int teamId, String name, Instant deletedAt) {}
