package dev.cascade.benchmarks;

/** A contender's loaded data, as the runner sees it between runs. */
interface Dataset {
  /**
   * Brings the statistics up to date ({@code VACUUM ANALYZE} on PostgreSQL, which also clears
   * the dead rows of earlier runs; {@code ANALYZE} on H2), untimed, before a run.
   */
  void analyze();

  /**
   * Keeps the database from analyzing these tables on its own while the runs go on: PostgreSQL's
   * autovacuum is switched off for them, as if the runs happened within the minute before it
   * wakes up. H2 has no background analysis: a session analyzes a table itself once its changes
   * cross a threshold (which doubles each time), inside the timed call, as it would for users; so
   * there this does nothing.
   */
  void leaveUnanalyzed();

  /** Rows that are live (neither deleted nor soft-deleted), counted untimed around each run. */
  long liveRows();
}
