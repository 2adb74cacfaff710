package dev.cascade.it.reliability.faults;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Breaks the {@code n}th statement a handle runs, just before the database sees it: by default
 * with a SQL error, as a failing database would; subclasses break it another way.
 */
class FaultAt implements StatementCustomizer {
  private final int n;
  private int seen;
  private boolean fired;

  FaultAt(int n) {
    this.n = n;
  }

  @Override
  public final void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
    if (++seen == n) {
      fired = true;
      inject(statement, context);
    }
  }

  /** Makes the statement fail. */
  void inject(Statement statement, StatementContext context) throws SQLException {
    throw new SQLException("injected fault at statement " + n + ": " + context.getRenderedSql(), "58000");
  }

  boolean fired() {
    return fired;
  }

  int statementsSeen() {
    return seen;
  }
}
