package dev.cascade.example;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts the statements a handle runs, to show that a cascade's count follows the schema, not the
 * number of rows.
 */
final class StatementTally implements SqlLogger {
  private int count;

  static StatementTally on(Handle handle) {
    StatementTally tally = new StatementTally();
    handle.getConfig(SqlStatements.class).setSqlLogger(tally);
    return tally;
  }

  @Override
  public void logAfterExecution(StatementContext context) {
    count++;
  }

  /** The statements run since the last call. */
  int take() {
    int taken = count;
    count = 0;
    return taken;
  }
}
