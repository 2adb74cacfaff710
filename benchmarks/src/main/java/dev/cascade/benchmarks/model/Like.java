package dev.cascade.benchmarks.model;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A like of a comment: the leaves of the tree. */
@Table("likes")
public record Like(long id, @BelongsTo(Comment.class) long commentId, Instant deletedAt) {}
