package dev.cascade.it.wide;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A project: its folders, and documents outside any folder. */
@Table("ws_projects")
@HasMany(Folder.class)
@HasMany(Document.class)
@Deletable(strategy = DeleteStrategy.SOFT)
public record Project(long id, @BelongsTo(Workspace.class) long workspaceId, String name, Instant deletedAt) {}
