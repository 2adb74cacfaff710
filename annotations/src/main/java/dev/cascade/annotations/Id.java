package dev.cascade.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component that holds the table's primary key.
 *
 * <pre>{@code
 * @Table("accounts")
 * public record Account(@Id String code, String owner) {}
 * }</pre>
 *
 * <p>Without it, a component named {@code id} is the key. Keys have one column. A record without a
 * key may only be a leaf child: it cannot declare {@link HasMany}, and no deleter is generated for
 * it (it is still deleted through its parents).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Id {}
