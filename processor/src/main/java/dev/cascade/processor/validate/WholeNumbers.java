package dev.cascade.processor.validate;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * The whole-number key types by width: a foreign key of one holds the keys of any narrower one,
 * which every database compares as the same number (a newcomer's shop: reviews of its {@code int}
 * shops and {@code long} products in one {@code long subject_id}, refused before).
 */
final class WholeNumbers {
  private static final List<TypeName> BY_WIDTH = List.of(TypeName.SHORT.box(), TypeName.INT.box(), TypeName.LONG.box());

  private WholeNumbers() {}

  /** Whether a foreign key of this type holds the keys of that one: the same type, or a wider whole number. */
  static boolean holds(TypeName column, TypeName key) {
    int columnWidth = BY_WIDTH.indexOf(column.box());
    int keyWidth = BY_WIDTH.indexOf(key.box());
    return column.box().equals(key.box()) || (keyWidth >= 0 && columnWidth >= keyWidth);
  }

  /** Whether every one of these types is a whole number. */
  static boolean all(List<TypeName> types) {
    return types.stream().allMatch(type -> BY_WIDTH.contains(type.box()));
  }
}
