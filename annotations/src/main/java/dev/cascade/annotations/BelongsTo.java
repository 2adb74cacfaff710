package dev.cascade.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a foreign-key component and names the model (or models) it points to.
 *
 * <pre>{@code
 * @Table("comments")
 * public record Comment(long id, @BelongsTo(Post.class) long postId, String body) {}
 * }</pre>
 *
 * <p>The parent must declare a matching {@link HasMany}, which says what deleting the parent does
 * to these rows. The component's type must match the parent's key ({@code long} and {@code Long}
 * match).
 *
 * <p>A polymorphic key names several parents; each parent's {@link HasMany} then gives the {@link
 * HasMany#where() where} condition that picks its own rows:
 *
 * <pre>{@code
 * @Table("reactions")
 * public record Reaction(
 *     long id, @BelongsTo({Post.class, Comment.class}) long subjectId, String subjectType) {}
 *
 * @Table("posts")
 * @HasMany(value = Reaction.class, where = "subject_type = 'post'")
 * public record Post(long id, String body) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface BelongsTo {
  /** The parent model, or several for a polymorphic key. */
  Class<?>[] value();
}
