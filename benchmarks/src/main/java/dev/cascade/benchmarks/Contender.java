package dev.cascade.benchmarks;

/**
 * One way of deleting or restoring a user's tree, as a row of the results table: Cascade, the
 * database's own cascade, an ORM, hand-written SQL.
 */
interface Contender {
  /** The row's label, such as {@code Cascade PERMANENT (plain FKs)}. */
  String name();

  /** The constraints of the schema it runs on. */
  ForeignKeys foreignKeys();

  /** Whether it deletes a tree or restores one; the runner checks the rows it changed. */
  Effect effect();

  /** Too slow for the full number of repetitions on the full data set. */
  default boolean slow() {
    return false;
  }

  /** Gets ready to run on this database, which holds the loaded data. */
  Operation open(Database database);

  /** The data it runs on: by default the forum of {@code --data}, with its foreign keys. */
  default Fixture fixture(Options options) {
    return new ForumFixture(options.shape(), foreignKeys());
  }

  /**
   * Whether the statistics are brought up to date before each run, and for a restore between
   * its delete and the restore; otherwise nothing is analyzed after the load's own analysis.
   */
  default boolean analyzedBeforeEachRun() {
    return true;
  }

  /** What one run does to the live rows of a user's tree. */
  enum Effect {
    DELETES,
    RESTORES
  }
}
