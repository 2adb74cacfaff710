package dev.cascade.it.drive;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A drive owns folders at every depth: deleting it reaches trees from outside, nested. */
@Table("drives")
@HasMany(Folder.class)
public record Drive(long id, String name, Instant deletedAt) {}
