package dev.cascade.it.keys.workspace;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** The third level below a workspace, at any depth of the page tree. */
@Table("blocks")
public record Block(UUID id, @BelongsTo(Page.class) UUID pageId, String body, Instant deletedAt) {}
