package dev.cascade.it.projects;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;

@Table("projects")
@HasMany(Section.class)
@HasMany(Task.class)
public record Project(long id, String name) {}
