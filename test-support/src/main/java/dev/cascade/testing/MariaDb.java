package dev.cascade.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The MariaDB server the tests use: the packaged one ({@link EmbeddedMariaDb}, Linux x86-64),
 * started on first use, or a server of your own named by {@code CASCADE_MARIADB_URL} (a URL
 * without a database, such as {@code jdbc:mariadb://127.0.0.1:3306/?user=me&password=secret}).
 * Where neither runs, tests on it are skipped with a message, unless {@code
 * CASCADE_REQUIRE_MARIADB=true} makes that a failure (CI sets it).
 */
public final class MariaDb {
  private static MariaDb instance;
  private static String unavailable;

  private final String url;
  private final EmbeddedMariaDb embedded;

  private MariaDb(String url, EmbeddedMariaDb embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  /** Why there is no server to test on, or empty when there is one; starts it on first call. */
  public static synchronized Optional<String> unavailable() {
    if (instance == null && unavailable == null) {
      String external = System.getenv("CASCADE_MARIADB_URL");
      if (external != null) {
        connect(external);
      } else {
        start();
      }
    }
    return Optional.ofNullable(unavailable);
  }

  private static void connect(String url) {
    DriverManager.setLoginTimeout(3);
    String reason;
    try (Connection connection = DriverManager.getConnection(url)) {
      if (connection.isValid(3)) {
        instance = new MariaDb(url, null);
        return;
      }
      reason = "the connection is not valid";
    } catch (SQLException e) {
      reason = e.getMessage();
    }
    unavailable =
        "no MariaDB at "
            + url.replaceAll("password=[^&]*", "password=...")
            + " (" + reason + "), the server CASCADE_MARIADB_URL names";
  }

  private static void start() {
    try {
      EmbeddedMariaDb embedded = EmbeddedMariaDb.start();
      instance = new MariaDb(embedded.url(), embedded);
    } catch (IOException | RuntimeException e) {
      unavailable =
          "the packaged MariaDB cannot run here: "
              + e.getMessage()
              + "\n  Set CASCADE_MARIADB_URL to a server of your own, such as"
              + " jdbc:mariadb://127.0.0.1:3306/?user=me&password=secret";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable = "interrupted while starting the packaged MariaDB";
    }
  }

  /** Whether a missing server must fail the build rather than skip its tests. */
  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CASCADE_REQUIRE_MARIADB"));
  }

  /** The server, failing with the reason where there is none or it stopped. */
  static synchronized MariaDb get() {
    unavailable().ifPresent(reason -> {
      throw new IllegalStateException(reason);
    });
    if (instance.embedded != null) {
      instance.embedded.exited().ifPresent(reason -> {
        throw new IllegalStateException(reason);
      });
    }
    return instance;
  }

  /** The URL of one database on the server ({@code ""} for none). */
  String jdbcUrl(String database) {
    int slash = url.indexOf('/', "jdbc:mariadb://".length());
    int query = url.indexOf('?', slash);
    String base = url.substring(0, slash + 1);
    String parameters = query < 0 ? "" : url.substring(query);
    return base + database + parameters;
  }
}
