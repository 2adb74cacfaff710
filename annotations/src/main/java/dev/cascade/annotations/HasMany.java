package dev.cascade.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that this model owns rows of another model, and what deleting it does to them.
 *
 * <pre>{@code
 * @Table("users")
 * @HasMany(Post.class)                                          // posts are deleted with the user
 * @HasMany(value = Invoice.class, onDelete = OnDelete.RESTRICT) // a user with invoices stays
 * @HasMany(value = Session.class, onDelete = OnDelete.SET_NULL, foreignKey = "last_user_id")
 * public record User(long id, String name) {}
 * }</pre>
 *
 * <p>The child must point back with {@link BelongsTo} on the foreign-key component. A model may
 * have many of itself (a tree, such as {@code folders.parent_id}); any other cycle is a compile
 * error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(HasMany.List.class)
public @interface HasMany {
  /** The child model: a {@link Table} record. */
  Class<?> value();

  /**
   * The child's foreign-key column. Leave it out when the child has exactly one {@link BelongsTo}
   * component pointing to this model.
   */
  String foreignKey() default "";

  /** What deleting this model does to the child rows. */
  OnDelete onDelete() default OnDelete.CASCADE;

  /**
   * A constant SQL condition on the child's columns that picks this parent's rows, for a
   * polymorphic foreign key: {@code where = "subject_type = 'post'"}. Empty for none.
   */
  String where() default "";

  /** Holds repeated {@link HasMany} annotations; written by the compiler, not by hand. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations, in declaration order. */
    HasMany[] value();
  }
}
