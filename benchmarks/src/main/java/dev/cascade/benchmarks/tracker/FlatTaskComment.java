package dev.cascade.benchmarks.tracker;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** {@link TaskComment}, of a {@link FlatTask}. */
@Table("flat_task_comments")
public record FlatTaskComment(long id, @BelongsTo(FlatTask.class) long taskId, String body, Instant deletedAt) {}
