package dev.cascade.processor.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named SQL constants of one generated class, in the order the planner added them: the order
 * an operation runs them, each subquery just before its first use.
 */
public final class Program {
  private final Map<String, Constant> constants = new LinkedHashMap<>();

  /** Adds a statement, with its own text on the databases that need one. */
  String add(String name, String comment, StatementText statement) {
    return add(name, comment, statement.sql(), statement.variants());
  }

  /** Adds a subquery or a statement that every database writes the same way. */
  String add(String name, String comment, SqlText sql) {
    return add(name, comment, sql, Map.of());
  }

  /**
   * Adds a constant under a name not taken yet ({@code NAME}, else {@code NAME_2}...), or returns
   * the name of the constant that already holds the same SQL under that name, so that strategies
   * running the same statement share it.
   */
  String add(String name, String comment, SqlText sql, Map<Dialect, SqlText> variants) {
    Map<Dialect, SqlText> differing = new EnumMap<>(Dialect.class);
    variants.forEach((dialect, text) -> {
      if (!text.equals(sql)) {
        differing.put(dialect, text);
      }
    });
    Constant candidate = new Constant(name, comment, sql, differing);
    String unique = name;
    for (int n = 2; constants.containsKey(unique); n++) {
      Constant existing = constants.get(unique);
      if (existing.sql().equals(sql) && existing.variants().equals(candidate.variants())) {
        return unique;
      }
      unique = name + "_" + n;
    }
    constants.put(unique, new Constant(unique, comment, sql, differing));
    return unique;
  }

  public List<Constant> constants() {
    return new ArrayList<>(constants.values());
  }

  public Constant get(String name) {
    Constant constant = constants.get(name);
    if (constant == null) {
      throw new IllegalArgumentException("no constant " + name);
    }
    return constant;
  }

  /** A constant's whole text on one database, every subquery it names written out. */
  public String render(String name, Dialect dialect) {
    return get(name).sql(dialect).render(ref -> get(ref).sql());
  }
}
