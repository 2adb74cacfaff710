package dev.cascade.example.readme;

import dev.cascade.annotations.Table;
import java.time.Instant;

/** A second model, for the README's trash-table example that names two deleters. */
@Table("projects")
public record Project(long id, String name, Instant deletedAt) {}
