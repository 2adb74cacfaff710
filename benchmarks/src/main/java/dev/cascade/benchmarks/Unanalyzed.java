package dev.cascade.benchmarks;

/**
 * A contender run as an application runs it: nothing is analyzed after the load's own analysis,
 * and a restore runs right after its delete. Its row is named {@code ... (no ANALYZE)}.
 */
record Unanalyzed(Contender contender) implements Variant {
  @Override
  public String name() {
    return contender.name() + " (no ANALYZE)";
  }

  @Override
  public boolean analyzedBeforeEachRun() {
    return false;
  }
}
