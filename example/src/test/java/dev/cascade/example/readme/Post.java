package dev.cascade.example.readme;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;
import java.time.Instant;

// The README's Quickstart model; ReadmeTest checks that the README shows this region as it is.
// tag::post-model[]
@Table("posts")
@HasMany(Comment.class)
public record Post(long id, @BelongsTo(User.class) long userId, String title, Instant deletedAt) {}
// end::post-model[]
