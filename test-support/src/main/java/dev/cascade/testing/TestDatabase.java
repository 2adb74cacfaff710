package dev.cascade.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One fresh, empty database (or schema) of one kind, for one test: an in-memory H2 database, a
 * SQLite file, a PostgreSQL schema on the embedded server, a MariaDB database. Closing it drops
 * it.
 */
public final class TestDatabase implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final DatabaseKind kind;
  private final String name;
  private final Supplier<Jdbi> connect;
  private final Jdbi jdbi;
  private final Runnable drop;

  private TestDatabase(DatabaseKind kind, String name, Supplier<Jdbi> connect, Runnable drop) {
    this.kind = kind;
    this.name = name;
    this.connect = connect;
    this.jdbi = connect.get();
    this.drop = drop;
  }

  /** A new empty database of this kind. */
  public static TestDatabase create(DatabaseKind kind) {
    String name = "cascade_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    return switch (kind) {
      case H2 -> h2(name);
      case SQLITE -> sqlite(name);
      case POSTGRESQL -> postgres(name);
      case MARIADB -> mariadb(name);
    };
  }

  /**
   * A new empty H2 database with these settings added to its URL, as an application's tests
   * write them ({@code ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"}).
   */
  public static TestDatabase h2With(String settings) {
    return h2("cascade_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet(), settings);
  }

  /**
   * Every H2 database of the tests takes the settings of the environment variable {@code
   * CASCADE_H2_SETTINGS}, so that the whole suite can run as applications run H2 in another
   * database's mode.
   */
  private static TestDatabase h2(String name) {
    return h2(name, Objects.requireNonNullElse(System.getenv("CASCADE_H2_SETTINGS"), ""));
  }

  private static TestDatabase h2(String name, String settings) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + settings;
    return new TestDatabase(DatabaseKind.H2, name, () -> Jdbi.create(url), () -> shutdownH2(url));
  }

  /** Frees the in-memory database; H2 closes the connection under us, which is expected. */
  private static void shutdownH2(String url) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException closedUnderUs) {
      // The database is gone, which is what was asked.
    }
  }

  private static TestDatabase sqlite(String name) {
    Path file;
    try {
      file = Files.createTempFile(name, ".db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Properties properties = new Properties();
    properties.setProperty("foreign_keys", "true");
    return new TestDatabase(
        DatabaseKind.SQLITE,
        name,
        () -> Jdbi.create("jdbc:sqlite:" + file, properties),
        () -> {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static TestDatabase postgres(String name) {
    EmbeddedPostgres server = EmbeddedPostgres.get();
    Jdbi admin = Jdbi.create(server.jdbcUrl(null));
    admin.useHandle(h -> h.execute("CREATE SCHEMA " + name));
    return new TestDatabase(
        DatabaseKind.POSTGRESQL,
        name,
        () -> Jdbi.create(server.jdbcUrl(name)),
        () -> admin.useHandle(h -> h.execute("DROP SCHEMA " + name + " CASCADE")));
  }

  private static TestDatabase mariadb(String name) {
    MariaDb server = MariaDb.get();
    Jdbi admin = Jdbi.create(server.jdbcUrl(""));
    admin.useHandle(h -> h.execute("CREATE DATABASE " + name));
    return new TestDatabase(
        DatabaseKind.MARIADB,
        name,
        () -> Jdbi.create(server.jdbcUrl(name)),
        () -> admin.useHandle(h -> h.execute("DROP DATABASE " + name)));
  }

  public DatabaseKind kind() {
    return kind;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Another runtime on this database: a {@code Jdbi} of its own, with its own configuration and
   * connections, as a second application instance behind a load balancer would have.
   */
  public Jdbi anotherJdbi() {
    return connect.get();
  }

  public String name() {
    return name;
  }

  /** Runs DDL written as a {@link DatabaseKind#ddl template}, statement by statement. */
  public void createSchema(List<String> templates) {
    jdbi.useHandle(
        h -> {
          for (String template : templates) {
            h.execute(kind.ddl(template));
          }
        });
  }

  /** Every row of these tables, for comparing before and after. */
  public Snapshot snapshot(List<String> tables) {
    try (Handle handle = jdbi.open()) {
      return Snapshot.of(handle, kind, tables);
    }
  }

  @Override
  public void close() {
    drop.run();
  }

  @Override
  public String toString() {
    return kind.name();
  }
}
