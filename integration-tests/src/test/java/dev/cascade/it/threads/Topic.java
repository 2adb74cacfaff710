package dev.cascade.it.threads;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;

/** A member's topic: a second way a member's delete reaches replies, other members' among them. */
@Table("thread_topics")
@HasMany(Reply.class)
public record Topic(long id, @BelongsTo(Member.class) long memberId, String title) {}
