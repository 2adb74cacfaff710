package dev.cascade.it.joined;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Id;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** The table of a {@code JOINED} subclass: its key is its superclass's key. */
@Table("image_attachments")
public record ImageAttachment(@Id @BelongsTo(Attachment.class) long id, int width, Instant deletedAt) {}
