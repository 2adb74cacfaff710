package dev.cascade.testing;

import java.util.Map;
import java.util.TreeMap;

/**
 * Rows per table as a comparison needs them: {@code DeleteResult} and {@code DeletePreview} list
 * every table of the cascade, 0 included, where {@code BatchResult} and the journal list only the
 * tables that changed.
 */
public final class RowCounts {
  private RowCounts() {}

  /** The tables with at least one row, sorted by name. */
  public static Map<String, Long> nonZero(Map<String, Long> rows) {
    Map<String, Long> counted = new TreeMap<>();
    rows.forEach((table, n) -> {
      if (n != 0) {
        counted.put(table, n);
      }
    });
    return counted;
  }
}
