package dev.cascade.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A MariaDB (or MySQL) server that someone else started: {@code .ci/run} installs and starts one
 * on 127.0.0.1 in CI. Where none runs, tests on it are skipped with a message, unless {@code
 * CASCADE_REQUIRE_MARIADB=true} makes its absence a failure (CI sets it).
 */
public final class MariaDb {
  /** The server URL without a database; override with {@code CASCADE_MARIADB_URL}. */
  static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/?user=cascade&password=cascade";

  private static MariaDb instance;
  private static String unavailable;

  private final String url;

  private MariaDb(String url) {
    this.url = url;
  }

  /** Why there is no server to test on, or empty when there is one. */
  public static synchronized Optional<String> unavailable() {
    if (instance == null && unavailable == null) {
      String url = Optional.ofNullable(System.getenv("CASCADE_MARIADB_URL")).orElse(DEFAULT_URL);
      DriverManager.setLoginTimeout(3);
      try (Connection connection = DriverManager.getConnection(url)) {
        instance = new MariaDb(url);
      } catch (SQLException e) {
        unavailable =
            "no MariaDB at "
                + url.replaceAll("password=[^&]*", "password=...")
                + " ("
                + e.getMessage()
                + "); start one as .ci/run does, or set CASCADE_MARIADB_URL";
      }
    }
    return Optional.ofNullable(unavailable);
  }

  /** Whether a missing server must fail the build rather than skip its tests. */
  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CASCADE_REQUIRE_MARIADB"));
  }

  static synchronized MariaDb get() {
    unavailable().ifPresent(reason -> {
      throw new IllegalStateException(reason);
    });
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
