package dev.cascade.benchmarks;

import java.util.function.Supplier;

/**
 * One line of a slow case's report ({@code QuotedTreeRun}, {@code KanbanRun}): what ran, each call
 * timed as it is made, and what was found after.
 */
final class ReportLine {
  private final StringBuilder text;

  ReportLine(String start) {
    this.text = new StringBuilder(start);
  }

  /** Makes the call, adds {@code what} and its time in milliseconds to the line, and returns its value. */
  <T> T timed(String what, Supplier<T> call) {
    long start = System.nanoTime();
    T value = call.get();
    text.append(String.format(" %s %,9.1f ms", what, (System.nanoTime() - start) / 1e6));
    return value;
  }

  ReportLine append(String more) {
    text.append(more);
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
