package dev.cascade.it.keys.workspace;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.util.UUID;

/** Outlives its workspace with a null UUID: SET_NULL. */
@Table("invites")
public record Invite(UUID id, @BelongsTo(Workspace.class) UUID workspaceId, String email) {}
