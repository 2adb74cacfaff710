package dev.cascade.it.keys.workspace;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** A UUID-keyed root: its pages form trees, its invites outlive it unlinked. */
@Table("workspaces")
@HasMany(Page.class)
@HasMany(value = Invite.class, onDelete = OnDelete.SET_NULL)
public record Workspace(UUID id, String name, Instant deletedAt) {}
