package dev.cascade.it.quotes;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;

/**
 * A file attached to a comment, which may be a copy of another attachment: below a tree, a table
 * linked to itself by {@code SET_NULL}.
 */
@Table("qa_attachments")
@HasMany(value = Attachment.class, foreignKey = "copy_of_id", onDelete = OnDelete.SET_NULL)
public record Attachment(long id, @BelongsTo(Comment.class) long commentId, @BelongsTo(Attachment.class) Long copyOfId, String name) {}
