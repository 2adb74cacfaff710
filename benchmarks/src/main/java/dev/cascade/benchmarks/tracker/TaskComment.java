package dev.cascade.benchmarks.tracker;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A task's comment: the leaves. */
@Table("task_comments")
public record TaskComment(long id, @BelongsTo(Task.class) long taskId, String body, Instant deletedAt) {}
