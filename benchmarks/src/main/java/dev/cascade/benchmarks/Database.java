package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.EmbeddedPostgres;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * One fresh, empty database for one contender: a schema on the embedded PostgreSQL server or an
 * in-memory H2 database. Knows its JDBC URL, which Hibernate needs. Closing it drops it.
 */
final class Database implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final DatabaseKind kind;
  private final String url;
  private final Jdbi jdbi;
  private final Runnable drop;

  private Database(DatabaseKind kind, String url, Runnable drop) {
    this.kind = kind;
    this.url = url;
    this.jdbi = Jdbi.create(url);
    this.drop = drop;
  }

  static Database create(DatabaseKind kind) {
    String name = "bench_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    return switch (kind) {
      case POSTGRESQL -> {
        EmbeddedPostgres server = EmbeddedPostgres.get();
        Jdbi admin = Jdbi.create(server.jdbcUrl(null));
        admin.useHandle(h -> h.execute("CREATE SCHEMA " + name));
        yield new Database(
            kind,
            server.jdbcUrl(name),
            () -> admin.useHandle(h -> h.execute("DROP SCHEMA " + name + " CASCADE")));
      }
      case H2 -> {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        yield new Database(kind, url, () -> shutdownH2(url));
      }
      default -> throw new IllegalArgumentException("the benchmarks run on PostgreSQL and H2, not " + kind);
    };
  }

  /** Frees the in-memory database; H2 closes the connection under us, which is expected. */
  private static void shutdownH2(String url) {
    try {
      Jdbi.create(url).useHandle(h -> h.execute("SHUTDOWN"));
    } catch (JdbiException closedUnderUs) {
      // The database is gone, which is what was asked.
    }
  }

  DatabaseKind kind() {
    return kind;
  }

  String url() {
    return url;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public void close() {
    drop.run();
  }
}
