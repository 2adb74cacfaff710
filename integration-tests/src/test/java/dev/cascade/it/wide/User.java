package dev.cascade.it.wide;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A member; authors comments and reactions, and documents, which outlive them. */
@Table("ws_users")
@HasMany(value = Comment.class, foreignKey = "author_id")
@HasMany(Reaction.class)
@HasMany(value = Document.class, foreignKey = "author_id", onDelete = OnDelete.SET_NULL)
@Deletable(strategy = DeleteStrategy.TRASH)
public record User(long id, @BelongsTo(Workspace.class) long workspaceId, String email, String name, Instant deletedAt) {}
