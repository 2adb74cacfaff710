package dev.cascade.it.drive;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A tree: a folder has many folders, and documents. */
@Table("folders")
@HasMany(value = Folder.class, foreignKey = "parent_id")
@HasMany(Document.class)
public record Folder(
    long id,
    @BelongsTo(Drive.class) long driveId,
    @BelongsTo(Folder.class) Long parentId,
    String name,
    Instant deletedAt) {}
