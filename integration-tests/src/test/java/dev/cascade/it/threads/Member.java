package dev.cascade.it.threads;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;

/** A forum member: their topics, and every reply they wrote, wherever it is. */
@Table("thread_members")
@HasMany(Topic.class)
@HasMany(value = Reply.class, foreignKey = "author_id")
public record Member(long id, String name) {}
