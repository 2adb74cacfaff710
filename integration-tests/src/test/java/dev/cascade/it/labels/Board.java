package dev.cascade.it.labels;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A board owns its cards and its labels. */
@Table("boards")
@HasMany(Card.class)
@HasMany(Label.class)
public record Board(long id, String name, Instant deletedAt) {}
