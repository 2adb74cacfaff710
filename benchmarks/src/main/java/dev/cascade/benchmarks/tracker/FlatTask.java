package dev.cascade.benchmarks.tracker;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** {@link Task} without subtasks: every task hangs from its project only. */
@Table("flat_tasks")
@HasMany(FlatTaskComment.class)
public record FlatTask(long id, @BelongsTo(FlatProject.class) long projectId, String title, Instant deletedAt) {}
