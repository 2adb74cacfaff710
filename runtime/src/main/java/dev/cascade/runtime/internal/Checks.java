package dev.cascade.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a restore runs before changing anything, in one statement: {@code combined} selects the
 * number (from 1) of the first check that finds a row, and only then is that check run for the
 * value to name. With one check, it runs on its own.
 */
final class Checks {
  private final Optional<Sql> combined;
  private final List<Check> checks;

  Checks(Optional<Sql> combined, List<Check> checks) {
    this.combined = combined;
    this.checks = List.copyOf(checks);
  }

  /** Whether a check looks for restored rows pointing into this table (any case: H2 names it in upper case). */
  boolean looksInto(String parent) {
    return checks.stream().anyMatch(check -> parent.equalsIgnoreCase(check.parent()));
  }

  /** The first check that finds a row, with the value it found. */
  Optional<Found> first(Statements sql, String what) {
    if (checks.isEmpty()) {
      return Optional.empty();
    }
    if (combined.isEmpty()) {
      Check only = checks.get(0);
      return sql.first(only.sql(), what).map(value -> new Found(only, value));
    }
    Optional<Object> number = sql.first(combined.get(), what);
    if (number.isEmpty()) {
      return Optional.empty();
    }
    Check failing = checks.get(((Number) number.get()).intValue() - 1);
    return sql.first(failing.sql(), what).map(value -> new Found(failing, value));
  }

  /** A check that found a row, and the value it selected. */
  record Found(Check check, Object value) {}

  /** Collects checks as generated code lists them. */
  static final class Builder {
    private Sql combined;
    private final List<Check> checks = new ArrayList<>();

    void combined(Sql sql) {
      this.combined = sql;
    }

    void add(Check check) {
      checks.add(check);
    }

    Checks build() {
      return new Checks(Optional.ofNullable(combined), checks);
    }
  }
}
