package dev.cascade.it.joined;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Id;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A {@code @MapsId} one-to-one: the key is the attachment's id, named after it. */
@Table("attachment_settings")
public record AttachmentSettings(@Id @BelongsTo(Attachment.class) long attachmentId, String layout, Instant deletedAt) {}
