package dev.cascade.it.modelchange;

import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/**
 * A shelf and its books, as this build's model has them; {@link OtherBuild} compiles the models of
 * the builds beside it, over the same tables.
 */
@Table("shelves")
@Deletable
@HasMany(Book.class)
public record Shelf(long id, String name, Instant deletedAt) {}
