package dev.cascade.it.wide;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A tag of the workspace, put on documents. */
@Table("ws_tags")
@HasMany(DocumentTag.class)
public record Tag(long id, @BelongsTo(Workspace.class) long workspaceId, String name, Instant deletedAt) {}
