package dev.cascade.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets how a model is deleted by default, and names its soft-delete column and trash table.
 *
 * <pre>{@code
 * @Table("users")
 * @HasMany(Post.class)
 * @Deletable(strategy = DeleteStrategy.SOFT)
 * public record User(long id, String name, Instant deletedAt) {}
 * }</pre>
 *
 * <p>The strategy used by a call is, first wins: the call's {@code DeleteOptions.withStrategy},
 * the {@link #strategy()} written here, the runtime's {@code CascadeConfig} default, {@link
 * DeleteStrategy#PERMANENT}. Leaving {@link #strategy()} out (or leaving out the annotation) lets
 * the model follow the runtime default.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Deletable {
  /**
   * This model's default strategy. When not written, the model follows {@code
   * CascadeConfig.getDefaultStrategy()}; the value below is never read in that case.
   */
  DeleteStrategy strategy() default DeleteStrategy.PERMANENT;

  /**
   * The soft-delete column: a time component ({@code Instant}, {@code OffsetDateTime}, {@code
   * LocalDateTime} or {@code java.sql.Timestamp}).
   */
  String deletedAt() default "deleted_at";

  /** The trash table. Empty means {@code <table>_trash}. */
  String trashTable() default "";
}
