package dev.cascade.benchmarks;

/**
 * A contender run differently ({@link Unanalyzed}, {@link OverNetwork}): everything it does not
 * say otherwise is the wrapped contender's.
 */
interface Variant extends Contender {
  /** The contender run this way. */
  Contender contender();

  @Override
  default ForeignKeys foreignKeys() {
    return contender().foreignKeys();
  }

  @Override
  default Effect effect() {
    return contender().effect();
  }

  @Override
  default boolean slow() {
    return contender().slow();
  }

  @Override
  default Operation open(Database database) {
    return contender().open(database);
  }

  @Override
  default Fixture fixture(Options options) {
    return contender().fixture(options);
  }

  @Override
  default boolean analyzedBeforeEachRun() {
    return contender().analyzedBeforeEachRun();
  }
}
