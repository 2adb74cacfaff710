package dev.cascade.testing;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Runs something once, just before the first statement a handle executes whose SQL starts with a
 * prefix: another transaction's change, simulated between two of Cascade's statements.
 */
public final class BeforeStatement implements SqlLogger {
  private final String prefix;
  private final Runnable action;
  private boolean ran;

  private BeforeStatement(String prefix, Runnable action) {
    this.prefix = prefix;
    this.action = action;
  }

  /** Runs {@code action} before the first statement of {@code handle} that starts with {@code prefix}. */
  public static void once(Handle handle, String prefix, Runnable action) {
    handle.getConfig(SqlStatements.class).setSqlLogger(new BeforeStatement(prefix, action));
  }

  /** Stops watching the handle's statements. */
  public static void stop(Handle handle) {
    handle.getConfig(SqlStatements.class).setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
  }

  @Override
  public void logBeforeExecution(StatementContext context) {
    if (!ran && context.getRenderedSql().startsWith(prefix)) {
      ran = true;
      action.run();
    }
  }
}
