package dev.cascade.it.wide;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A tag on a document: a row of a join table, without a key of its own. */
@Table("ws_document_tags")
public record DocumentTag(@BelongsTo(Document.class) long documentId, @BelongsTo(Tag.class) long tagId, Instant deletedAt) {}
