package dev.cascade.it.albums;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A photo in an album, with tags. */
@Table("photos")
@HasMany(PhotoTag.class)
public record Photo(long id, @BelongsTo(Album.class) long albumId, String caption, Instant deletedAt) {}
