package dev.cascade.benchmarks;

/**
 * A contender run as an application runs it: nothing is analyzed after the load's own analysis,
 * and a restore runs right after its delete. Its row is named {@code ... (no ANALYZE)}.
 */
record Unanalyzed(Contender contender) implements Contender {
  @Override
  public String name() {
    return contender.name() + " (no ANALYZE)";
  }

  @Override
  public ForeignKeys foreignKeys() {
    return contender.foreignKeys();
  }

  @Override
  public Effect effect() {
    return contender.effect();
  }

  @Override
  public boolean slow() {
    return contender.slow();
  }

  @Override
  public Operation open(Database database) {
    return contender.open(database);
  }

  @Override
  public Fixture fixture(Options options) {
    return contender.fixture(options);
  }

  @Override
  public boolean analyzedBeforeEachRun() {
    return false;
  }
}
