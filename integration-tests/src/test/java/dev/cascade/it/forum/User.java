package dev.cascade.it.forum;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

@Table("users")
@HasMany(Post.class)
@HasMany(Comment.class)
@HasMany(Like.class)
@HasMany(value = Invoice.class, onDelete = OnDelete.RESTRICT)
@HasMany(value = Session.class, onDelete = OnDelete.SET_NULL)
public record User(long id, String name, Instant deletedAt) {}
