package dev.cascade.benchmarks.model;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** The root of the benchmark tree: a user owns posts. */
@Table("users")
@HasMany(Post.class)
public record User(long id, String name, Instant deletedAt) {}
