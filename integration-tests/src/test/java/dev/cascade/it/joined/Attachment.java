package dev.cascade.it.joined;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/**
 * An attachment, as JPA maps a class hierarchy with {@code JOINED} inheritance (a subclass's table
 * has the key of its superclass's, which is its foreign key too), and a one-to-one with {@code
 * @MapsId} (the key is the foreign key, under the parent's name).
 */
@Table("attachments")
@HasMany(ImageAttachment.class)
@HasMany(AttachmentSettings.class)
public record Attachment(long id, String name, Instant deletedAt) {}
