package dev.cascade.benchmarks.tracker;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** {@link Project}, for tasks without the self relation. */
@Table("flat_projects")
@HasMany(FlatTask.class)
@Deletable(strategy = DeleteStrategy.SOFT)
public record FlatProject(long id, String name, Instant deletedAt) {}
