package dev.cascade.processor.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named SQL constants of one generated class, in the order they are declared. */
public final class SqlProgram {
  private final Map<String, SqlConstant> constants = new LinkedHashMap<>();

  /**
   * Adds a constant under a name not taken yet ({@code NAME}, else {@code NAME_2}...), or returns
   * the name of the constant already holding the same SQL under that name, so strategies that run
   * the same statement share it.
   */
  String add(String name, String comment, SqlText sql) {
    String unique = name;
    for (int n = 2; constants.containsKey(unique); n++) {
      if (constants.get(unique).sql().equals(sql)) {
        return unique;
      }
      unique = name + "_" + n;
    }
    constants.put(unique, new SqlConstant(unique, comment, sql));
    return unique;
  }

  public List<SqlConstant> constants() {
    return new ArrayList<>(constants.values());
  }

  public SqlConstant get(String name) {
    SqlConstant constant = constants.get(name);
    if (constant == null) {
      throw new IllegalArgumentException("no constant " + name);
    }
    return constant;
  }

  /** A constant's whole text, references resolved. */
  public String render(String name) {
    return get(name).sql().render(ref -> get(ref).sql());
  }
}
