package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;

/**
 * Generated SQL writes a name some database reserves in double quotes. On the connected database
 * it is quoted as that database needs (backticks on MySQL), or written bare where the database
 * does not reserve it: H2 folds unquoted names to upper case, so a quoted name it does not reserve
 * would miss a table created without quotes. Text inside single-quoted literals is left alone.
 */
final class Quoting {
  private Quoting() {}

  static String render(String sql, Dialect dialect, CascadeSchema names) {
    if (sql.indexOf('"') < 0) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length() + 8);
    boolean literal = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        literal = !literal;
        out.append(c);
      } else if (c == '"' && !literal) {
        int end = sql.indexOf('"', i + 1);
        out.append(names.quote(sql.substring(i + 1, end), dialect));
        i = end;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
