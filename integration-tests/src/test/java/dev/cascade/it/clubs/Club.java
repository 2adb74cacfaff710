package dev.cascade.it.clubs;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A club: soft-deletable, like its memberships, under another column name. */
@Table("clubs")
@HasMany(Membership.class)
public record Club(long id, String name, Instant deletedAt) {}
