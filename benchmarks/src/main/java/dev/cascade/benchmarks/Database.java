package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * One fresh, empty database for one contender: a schema on the embedded PostgreSQL server, an
 * in-memory H2 database, or a SQLite file (for the runs of newcomers' slow cases; the comparisons
 * run on the first two). Knows its JDBC URL, which Hibernate needs. Closing it drops it.
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
    return create(kind, Duration.ZERO, Duration.ZERO);
  }

  /**
   * A fresh database whose connections cancel any statement that runs longer than {@code
   * statementTimeout} (zero: never), so that one call where a database is quadratic cannot hold
   * a benchmark up for hours; and, on PostgreSQL, send the measured plan of every statement
   * slower than {@code explainSlowerThan} (zero: none) to the client as a notice ({@code
   * auto_explain}), for {@link StatementLog}.
   */
  static Database create(DatabaseKind kind, Duration statementTimeout, Duration explainSlowerThan) {
    long timeout = statementTimeout.toMillis();
    long explain = explainSlowerThan.toMillis();
    String name = "bench_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    return switch (kind) {
      case POSTGRESQL -> {
        EmbeddedPostgres server = EmbeddedPostgres.get();
        Jdbi admin = Jdbi.create(server.jdbcUrl(null));
        admin.useHandle(h -> h.execute("CREATE SCHEMA " + name));
        yield new Database(
            kind,
            server.jdbcUrl(name) + startupOptions(timeout, explain),
            () -> admin.useHandle(h -> h.execute("DROP SCHEMA " + name + " CASCADE")));
      }
      case H2 -> {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + (timeout > 0 ? ";QUERY_TIMEOUT=" + timeout : "");
        yield new Database(kind, url, () -> shutdownH2(url));
      }
      case SQLITE -> {
        Path file = temporaryFile(name);
        yield new Database(kind, "jdbc:sqlite:" + file + "?foreign_keys=true", () -> deleteFile(file));
      }
      default -> throw new IllegalArgumentException("the benchmarks run on PostgreSQL, H2 and SQLite, not " + kind);
    };
  }

  /**
   * A proxy on 127.0.0.1 to this database's server that delays each direction by {@code delay};
   * PostgreSQL only, since H2 runs in this JVM.
   */
  DelayingProxy proxy(Duration delay) {
    if (kind != DatabaseKind.POSTGRESQL) {
      throw new IllegalStateException("a network delay needs a server: PostgreSQL, not " + kind);
    }
    return new DelayingProxy(EmbeddedPostgres.get().port(), delay);
  }

  /**
   * The same database reached through {@code proxy}: same schema, a URL with the proxy's port.
   * Closing it drops nothing; this database still owns the schema.
   */
  Database through(DelayingProxy proxy) {
    String direct = "//127.0.0.1:" + EmbeddedPostgres.get().port() + "/";
    if (!url.contains(direct)) {
      throw new IllegalStateException("expected a URL to " + direct + ", got " + url);
    }
    return new Database(kind, url.replace(direct, "//127.0.0.1:" + proxy.port() + "/"), () -> {});
  }

  /** {@code &options=...} for PostgreSQL's connections, or nothing. */
  private static String startupOptions(long timeoutMillis, long explainMillis) {
    StringBuilder options = new StringBuilder();
    if (timeoutMillis > 0) {
      options.append(" -c statement_timeout=").append(timeoutMillis);
    }
    if (explainMillis > 0) {
      options.append(" -c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=")
          .append(explainMillis)
          .append(" -c auto_explain.log_analyze=on -c auto_explain.log_level=notice");
    }
    return options.isEmpty()
        ? ""
        : "&options=" + URLEncoder.encode(options.toString().trim(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A file for a SQLite database, in the temporary folder. */
  private static Path temporaryFile(String name) {
    try {
      return Files.createTempFile(name, ".db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteFile(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
