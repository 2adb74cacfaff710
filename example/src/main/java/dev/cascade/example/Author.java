package dev.cascade.example;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** A blog's author. Deleting one is a soft delete unless the call says otherwise. */
@Table("authors")
@HasMany(Post.class)
@HasMany(Comment.class)
@HasMany(Like.class)
@HasMany(value = Session.class, onDelete = OnDelete.SET_NULL)
@Deletable(strategy = DeleteStrategy.SOFT)
public record Author(long id, String name, Instant deletedAt) {}
