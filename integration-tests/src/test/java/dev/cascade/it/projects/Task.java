package dev.cascade.it.projects;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;

@Table("tasks")
public record Task(
    long id, @BelongsTo(Project.class) long projectId, @BelongsTo(Section.class) Long sectionId, String title) {}
