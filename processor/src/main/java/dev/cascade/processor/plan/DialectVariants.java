package dev.cascade.processor.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Merges the programs planned for each dialect into constants that differ only where the SQL
 * does. The dialect of the first group (H2's) gets the plain name.
 */
public final class DialectVariants {
  private DialectVariants() {}

  public static List<MergedConstant> merge(Map<Dialect, SqlProgram> programs) {
    SqlProgram reference = programs.get(Dialect.H2);
    Map<String, Map<Dialect, String>> fields = new LinkedHashMap<>();
    Map<String, Map<String, List<Dialect>>> groups = new LinkedHashMap<>();
    for (SqlConstant constant : reference.constants()) {
      Map<String, List<Dialect>> byText = new LinkedHashMap<>();
      for (Dialect dialect : Dialect.values()) {
        byText
            .computeIfAbsent(programs.get(dialect).render(constant.name()), t -> new ArrayList<>())
            .add(dialect);
      }
      groups.put(constant.name(), byText);
      Map<Dialect, String> field = new LinkedHashMap<>();
      boolean first = true;
      for (List<Dialect> dialects : byText.values()) {
        String name = first ? constant.name() : constant.name() + "_" + suffix(dialects);
        dialects.forEach(d -> field.put(d, name));
        first = false;
      }
      fields.put(constant.name(), field);
    }

    List<MergedConstant> merged = new ArrayList<>();
    for (SqlConstant constant : reference.constants()) {
      List<SqlVariant> variants = new ArrayList<>();
      for (List<Dialect> dialects : groups.get(constant.name()).values()) {
        Dialect representative = dialects.get(0);
        SqlText sql =
            programs
                .get(representative)
                .get(constant.name())
                .sql()
                .renameRefs(ref -> fields.get(ref).get(representative));
        variants.add(
            new SqlVariant(fields.get(constant.name()).get(representative), List.copyOf(dialects), sql));
      }
      merged.add(new MergedConstant(constant.name(), constant.comment(), variants));
    }
    return merged;
  }

  private static String suffix(List<Dialect> dialects) {
    return dialects.stream().map(Dialect::name).collect(Collectors.joining("_"));
  }
}
