package dev.cascade.it.wide;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A file attached to a document. */
@Table("ws_attachments")
public record Attachment(
    long id, @BelongsTo(Document.class) long documentId, String filename, long sizeBytes, Instant deletedAt) {}
