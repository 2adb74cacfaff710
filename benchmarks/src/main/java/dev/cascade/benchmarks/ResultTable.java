package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as a Markdown table: per operation and database, each contender's median and
 * spread, its ratio to the operation's baseline (its first row) on the same database, and its
 * target, if the issue sets one.
 */
final class ResultTable {
  private ResultTable() {}

  static String render(List<Result> results) {
    Map<DatabaseKind, Map<Contender, Summary>> summaries = new EnumMap<>(DatabaseKind.class);
    for (Result result : results) {
      Map<Contender, Summary> onDatabase = summaries.computeIfAbsent(result.database(), d -> new IdentityHashMap<>());
      if (result.measured()) {
        onDatabase.put(result.contender(), result.summary());
      }
    }
    StringBuilder table = new StringBuilder();
    table.append("| Operation | Contender | DB | Runs | Median ms | Min–max ms | Ratio to baseline | Target met? |\n");
    table.append("|---|---|---|---:|---:|---:|---:|---|\n");
    for (Result result : results) {
      Map<Contender, Summary> onSameDatabase = summaries.get(result.database());
      Comparison comparison = result.comparison();
      if (!result.measured()) {
        table.append(String.format(Locale.ROOT, "| %s | %s | %s | 0 | — | — | — | %s |%n",
            comparison.operation(), result.contender().name(), result.database(),
            result.stopped().orElse("no run finished")));
        continue;
      }
      Summary summary = onSameDatabase.get(result.contender());
      Summary baseline = onSameDatabase.get(comparison.baseline());
      String ratio =
          result.contender() == comparison.baseline()
              ? "1.00 (baseline)"
              : baseline == null ? "—" : String.format(Locale.ROOT, "%.2f", summary.median() / baseline.median());
      String target =
          comparison.rows().stream()
              .filter(row -> row.contender() == result.contender())
              .findFirst()
              .flatMap(Comparison.Row::goal)
              .map(goal -> goal.verdict(onSameDatabase, result.database()))
              .orElse("");
      table.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f | %.1f–%.1f | %s | %s |%n",
          comparison.operation(),
          result.contender().name(),
          result.database(),
          summary.runs(),
          summary.median(),
          summary.min(),
          summary.max(),
          ratio,
          target));
    }
    return table.toString();
  }
}
