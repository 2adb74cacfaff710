package dev.cascade.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the mirror of one table, and asks the processor to generate its {@code
 * XDeleter} and {@code XRestorer}.
 *
 * <pre>{@code
 * @Table("users")
 * public record User(long id, String name) {}
 * }</pre>
 *
 * <p>Only records may carry it. The name must be a plain SQL identifier (letters, digits and
 * {@code _}, not starting with a digit); reserved words such as {@code order} are quoted in the
 * generated SQL, and other names are written without quotes, so the database folds their case.
 * Two records may not mirror the same table.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
  /** The table's name, for example {@code "users"}. */
  String value();
}
