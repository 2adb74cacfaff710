package dev.cascade.processor.read;

import java.util.Locale;

/** The column name Cascade and JDBI derive from a component name: snake_case. */
final class ColumnNames {
  private ColumnNames() {}

  /**
   * {@code userId} becomes {@code user_id}, {@code htmlURLValue} becomes {@code html_url_value},
   * {@code line2Text} becomes {@code line2_text}.
   */
  static String snakeCase(String component) {
    StringBuilder out = new StringBuilder(component.length() + 4);
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char before = component.charAt(i - 1);
        boolean afterLower = Character.isLowerCase(before) || Character.isDigit(before);
        boolean endsAcronym =
            Character.isUpperCase(before)
                && i + 1 < component.length()
                && Character.isLowerCase(component.charAt(i + 1));
        if (afterLower || endsAcronym) {
          out.append('_');
        }
      }
      out.append(c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
