package dev.cascade.it.reliability.faults;

import java.sql.Statement;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * On PostgreSQL, ends the handle's own server process from a second connection just before its
 * {@code n}th statement ({@code pg_terminate_backend}, waiting until it is gone): the statement
 * then meets a dead connection, as after a crash or a failover.
 */
final class KillConnectionAt extends FaultAt {
  private final Handle killer;
  private final int backend;

  /** @param killer a second connection, kept open across faults */
  KillConnectionAt(int n, Handle killer, int backend) {
    super(n);
    this.killer = killer;
    this.backend = backend;
  }

  @Override
  void inject(Statement statement, StatementContext context) {
    boolean killed =
        killer.select("SELECT pg_terminate_backend(?, 5000)", backend).mapTo(Boolean.class).one();
    if (!killed) {
      throw new IllegalStateException("could not terminate backend " + backend);
    }
  }
}
