package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import org.jdbi.v3.core.Handle;

/**
 * The data a contender runs on: loaded afresh into its own database, with room for a number of
 * runs (run {@code i} works on root {@code i + 1}: a user, a project), and the number of live rows
 * one run must change, computed from the shape alone, independently of the code under test.
 */
interface Fixture {
  /** Creates the schema and loads the data, ending with one analysis (the load's own). */
  Dataset load(Handle handle, DatabaseKind kind);

  /** How many runs the data has roots for. */
  int runs();

  /** Live rows one run deletes or restores. */
  long rowsPerRun();
}
