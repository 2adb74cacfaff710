package dev.cascade.it.albums;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A tag on a photo: a leaf without a key, as join tables often are. */
@Table("photo_tags")
public record PhotoTag(@BelongsTo(Photo.class) long photoId, String tag, Instant deletedAt) {}
