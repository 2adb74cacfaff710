/**
 * The annotations that describe a model to Cascade's annotation processor.
 *
 * <p>A model is a Java record that mirrors a table. Relations are declared on both sides: the
 * parent says what deleting it does to its children ({@link dev.cascade.annotations.HasMany}),
 * the child names its parent on the foreign-key component ({@link
 * dev.cascade.annotations.BelongsTo}).
 *
 * <pre>{@code
 * @Table("users")
 * @HasMany(Post.class)
 * @Deletable(strategy = DeleteStrategy.SOFT)
 * public record User(long id, String name, Instant deletedAt) {}
 *
 * @Table("posts")
 * public record Post(long id, @BelongsTo(User.class) long userId, String body, Instant deletedAt) {}
 * }</pre>
 *
 * <p>Nothing here is needed at run time: every annotation is retained in class files only, so the
 * processor can read models compiled earlier.
 */
package dev.cascade.annotations;
