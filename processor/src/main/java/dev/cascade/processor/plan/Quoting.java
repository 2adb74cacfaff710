package dev.cascade.processor.plan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How names appear in generated SQL: bare, or in double quotes where some database reserves the
 * word. The runtime renders each quoted name as the connected database needs it: kept in double
 * quotes where that database reserves it, in backticks on MySQL, bare where it does not reserve
 * it (so that H2, which folds unquoted names to upper case, still finds a table created without
 * quotes). One text therefore serves every database.
 */
final class Quoting {
  private final SortedSet<String> quoted = new TreeSet<>();

  /** The identifier as generated SQL writes it. */
  String name(String identifier) {
    if (reservingDialects(identifier).isEmpty()) {
      return identifier;
    }
    quoted.add(identifier);
    return "\"" + identifier + "\"";
  }

  /** {@code table.column}, each part as generated SQL writes it. */
  String qualified(String table, String column) {
    return name(table) + "." + name(column);
  }

  /** Every name written in quotes so far, sorted, with the databases that reserve it. */
  Map<String, List<Dialect>> reserved() {
    Map<String, List<Dialect>> reserved = new LinkedHashMap<>();
    quoted.forEach(name -> reserved.put(name, reservingDialects(name)));
    return reserved;
  }

  static List<Dialect> reservingDialects(String identifier) {
    return Arrays.stream(Dialect.values()).filter(d -> d.reserves(identifier)).toList();
  }
}
