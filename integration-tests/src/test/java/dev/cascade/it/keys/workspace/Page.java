package dev.cascade.it.keys.workspace;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** A tree with UUID keys: a page has many pages, and blocks. */
@Table("pages")
@HasMany(value = Page.class, foreignKey = "parent_id")
@HasMany(Block.class)
public record Page(
    UUID id,
    @BelongsTo(Workspace.class) UUID workspaceId,
    @BelongsTo(Page.class) UUID parentId,
    String title,
    Instant deletedAt) {}
