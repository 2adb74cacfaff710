package dev.cascade.benchmarks.tracker;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/**
 * A task of a project, and a tree: a task owns its subtasks ({@code parent_id}, a plain foreign
 * key to {@code tasks}, not {@code ON DELETE CASCADE}) and its comment.
 */
@Table("tasks")
@HasMany(value = Task.class, foreignKey = "parent_id")
@HasMany(TaskComment.class)
public record Task(
    long id,
    @BelongsTo(Project.class) long projectId,
    @BelongsTo(Task.class) Long parentId,
    String title,
    Instant deletedAt) {}
