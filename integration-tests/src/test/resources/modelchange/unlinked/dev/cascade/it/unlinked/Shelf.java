package dev.cascade.it.unlinked;

import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** The shelf of a later build, whose delete leaves the books and unlinks them (compiled by OtherBuild). */
@Table("shelves")
@Deletable
@HasMany(value = Book.class, onDelete = OnDelete.SET_NULL)
public record Shelf(long id, String name, Instant deletedAt) {}
