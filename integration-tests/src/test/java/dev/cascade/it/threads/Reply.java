package dev.cascade.it.threads;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;

/**
 * A reply to a topic, or to another reply: a tree that a member's delete reaches through two
 * relations (the member's topics, and the member's own replies anywhere).
 */
@Table("thread_replies")
@HasMany(value = Reply.class, foreignKey = "parent_id")
public record Reply(
    long id,
    @BelongsTo(Topic.class) long topicId,
    @BelongsTo(Member.class) long authorId,
    @BelongsTo(Reply.class) Long parentId,
    String body) {}
