package dev.cascade.it.quotes;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;

/**
 * A comment on a question, or a reply to another comment (a tree), that may quote any comment: a
 * table linked to itself twice, by {@code CASCADE} and by {@code SET_NULL}. Deleting a quoted
 * comment leaves the quoting one, unlinked.
 */
@Table("qa_comments")
@HasMany(value = Comment.class, foreignKey = "reply_to_id")
@HasMany(value = Comment.class, foreignKey = "quotes_id", onDelete = OnDelete.SET_NULL)
@HasMany(Attachment.class)
@Deletable(strategy = DeleteStrategy.TRASH)
public record Comment(
    long id,
    @BelongsTo(Question.class) long questionId,
    @BelongsTo(Comment.class) Long replyToId,
    @BelongsTo(Comment.class) Long quotesId,
    String body) {}
