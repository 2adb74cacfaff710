package dev.cascade.it.albums;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** An album of photos whose tags have no key of their own. */
@Table("albums")
@HasMany(Photo.class)
public record Album(long id, String name, Instant deletedAt) {}
