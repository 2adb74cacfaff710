package dev.cascade.testing;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/** Counts the SQL statements a handle executes, by listening as JDBI's {@link SqlLogger}. */
public final class StatementCounter implements SqlLogger {
  private final List<String> statements = new ArrayList<>();

  /** Starts counting what this handle executes. */
  public static StatementCounter on(Handle handle) {
    StatementCounter counter = new StatementCounter();
    handle.getConfig(SqlStatements.class).setSqlLogger(counter);
    return counter;
  }

  @Override
  public void logAfterExecution(StatementContext context) {
    statements.add(context.getRenderedSql());
  }

  @Override
  public void logException(StatementContext context, java.sql.SQLException ex) {
    statements.add(context.getRenderedSql());
  }

  public int count() {
    return statements.size();
  }

  public List<String> statements() {
    return List.copyOf(statements);
  }

  public void reset() {
    statements.clear();
  }
}
