package dev.cascade.it.wide;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A comment on a document. */
@Table("ws_comments")
@HasMany(value = Reaction.class, where = "subject_type = 'comment'")
public record Comment(
    long id, @BelongsTo(Document.class) long documentId, @BelongsTo(User.class) long authorId, String body, Instant deletedAt) {}
