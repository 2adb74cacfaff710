package dev.cascade.it.projects;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;

/** Deleting a section leaves its tasks in the project, unsectioned. */
@Table("sections")
@HasMany(value = Task.class, onDelete = OnDelete.SET_NULL)
public record Section(long id, @BelongsTo(Project.class) long projectId, String name) {}
