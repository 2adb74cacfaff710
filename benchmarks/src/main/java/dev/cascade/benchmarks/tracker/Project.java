package dev.cascade.benchmarks.tracker;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A project: owns its tasks, whatever their nesting; soft-deleted unless told otherwise. */
@Table("projects")
@HasMany(Task.class)
@Deletable(strategy = DeleteStrategy.SOFT)
public record Project(long id, String name, Instant deletedAt) {}
