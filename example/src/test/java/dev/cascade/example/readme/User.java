package dev.cascade.example.readme;

import dev.cascade.annotations.Deletable;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.OnDelete;
import dev.cascade.annotations.Table;
import java.time.Instant;

// The README's Quickstart model; ReadmeTest checks that the README shows this region as it is.
// tag::user-model[]
@Table("users")
@HasMany(Post.class)
@HasMany(value = Comment.class, foreignKey = "author_id")
@HasMany(value = Invoice.class, onDelete = OnDelete.RESTRICT)
@HasMany(value = Session.class, onDelete = OnDelete.SET_NULL)
@Deletable(strategy = DeleteStrategy.SOFT)
public record User(long id, String name, Instant deletedAt) {}
// end::user-model[]
