package dev.cascade.it.wide;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A tree: a folder has many folders, and documents. */
@Table("ws_folders")
@HasMany(Folder.class)
@HasMany(value = Document.class, foreignKey = "folder_id")
@Deletable(strategy = DeleteStrategy.TRASH)
public record Folder(
    long id, @BelongsTo(Project.class) long projectId, @BelongsTo(Folder.class) Long parentId, String name, Instant deletedAt) {}
