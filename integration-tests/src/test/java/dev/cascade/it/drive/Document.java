package dev.cascade.it.drive;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A document in a folder. */
@Table("documents")
public record Document(long id, @BelongsTo(Folder.class) long folderId, String title, Instant deletedAt) {}
