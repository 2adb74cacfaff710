package dev.cascade.example.readme;

import dev.cascade.annotations.BelongsTo;
import dev.cascade.annotations.Table;
import java.time.Instant;

/** Belongs to its post and to its author: the README's users reach comments by two paths. */
// tag::comment-model[]
@Table("comments")
public record Comment(
    long id, @BelongsTo(Post.class) long postId, @BelongsTo(User.class) long authorId, String body, Instant deletedAt) {}
// end::comment-model[]
