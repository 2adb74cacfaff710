package dev.cascade.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column of a record component, where it is not the snake_case of the component's
 * name.
 *
 * <pre>{@code
 * @Table("posts")
 * public record Post(long id, @Column("author") @BelongsTo(User.class) long userId) {}
 * }</pre>
 *
 * <p>Without it the column is the snake_case of the component name ({@code userId} becomes {@code
 * user_id}), which is also JDBI's default matching. JDBI's own {@code @ColumnName} on a component
 * is honoured the same way.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
  /**
   * The column's name, a plain SQL identifier. Generated SQL writes it without quotes, so the
   * database folds its case as it does for any unquoted name; a column created in quotes with a
   * case of its own ({@code "VenueCode"}) cannot be reached on PostgreSQL or H2.
   */
  String value();
}
