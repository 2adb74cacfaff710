package dev.cascade.benchmarks.quotes;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;

/** A comment on a question or a reply to a comment (a tree), which may quote any comment. */
@Table("qa_comments")
@HasMany(value = Comment.class, foreignKey = "reply_to_id")
@HasMany(value = Comment.class, foreignKey = "quotes_id", onDelete = OnDelete.SET_NULL)
@Deletable(strategy = DeleteStrategy.TRASH)
public record Comment(
    long id,
    @BelongsTo(Question.class) long questionId,
    @BelongsTo(Comment.class) Long replyToId,
    @BelongsTo(Comment.class) Long quotesId,
    String body) {}
