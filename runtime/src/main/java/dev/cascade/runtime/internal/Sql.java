package dev.cascade.runtime.internal;

import dev.cascade.runtime.Dialect;
import java.util.EnumMap;
import java.util.Map;

/** A statement's text, with another text for each dialect that writes it differently. */
public final class Sql {
  private final String text;
  private final Map<Dialect, String> byDialect;

  private Sql(String text, Map<Dialect, String> byDialect) {
    this.text = text;
    this.byDialect = byDialect;
  }

  public static Sql of(String text) {
    return new Sql(text, new EnumMap<>(Dialect.class));
  }

  /** The same statement, written differently for one dialect. */
  public Sql or(Dialect dialect, String text) {
    Map<Dialect, String> more = new EnumMap<>(Dialect.class);
    more.putAll(byDialect);
    more.put(dialect, text);
    return new Sql(this.text, more);
  }

  String text(Dialect dialect) {
    return byDialect.getOrDefault(dialect, text);
  }

  @Override
  public String toString() {
    return text;
  }
}
