package dev.cascade.it.clubs;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A membership ends when the member leaves: its soft-delete column is {@code left}, reserved everywhere. */
@Table("memberships")
@Deletable(deletedAt = "left")
public record Membership(long id, @BelongsTo(Club.class) long clubId, String member, Instant left) {}
