package dev.cascade.it.wide;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** The root of a wide, deep model: everything hangs off a workspace. */
@Table("ws_workspaces")
@HasMany(User.class)
@HasMany(Project.class)
@HasMany(Tag.class)
@Deletable(strategy = DeleteStrategy.SOFT)
public record Workspace(long id, String name, Instant deletedAt) {}
