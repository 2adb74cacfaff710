package dev.cascade.it.modelchange;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.Table;
import java.time.Instant;

@Table("books")
@Deletable
public record Book(long id, @BelongsTo(Shelf.class) Long shelfId, String title, Instant deletedAt) {}
