package dev.cascade.benchmarks;

import java.util.List;

/** Median and spread of a contender's timed runs, in milliseconds. */
record Summary(int runs, double median, double min, double max) {
  static Summary of(List<Double> millis) {
    if (millis.isEmpty()) {
      throw new IllegalArgumentException("no runs to summarise");
    }
    List<Double> sorted = millis.stream().sorted().toList();
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Summary(n, median, sorted.get(0), sorted.get(n - 1));
  }
}
