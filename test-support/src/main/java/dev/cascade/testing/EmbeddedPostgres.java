package dev.cascade.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for tests, from the binaries zonky publishes on Maven Central: no
 * Docker, no system install. One per JVM, started on first use, stopped at exit.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root; so when this JVM is root the server
 * runs as {@code nobody} through {@code runuser}, in a data directory owned by it. As any other
 * user it runs as that user. The binaries are extracted once per version under the temp folder.
 */
public final class EmbeddedPostgres {
  private static EmbeddedPostgres instance;

  private final Path binaries;
  private final Path data;
  private final int port;
  private final boolean asNobody;

  private EmbeddedPostgres() throws IOException, InterruptedException {
    this.asNobody = "root".equals(System.getProperty("user.name"));
    this.binaries = extractBinaries();
    this.data = Files.createTempDirectory("cascade-pg-data-");
    this.port = freePort();
    if (asNobody) {
      UserPrincipal nobody =
          data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(data, nobody);
    }
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    run(
        binaries.resolve("bin/initdb").toString(),
        "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8", "--no-sync",
        "--locale=C");
    run(
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
      run(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    } catch (IOException | InterruptedException | IllegalStateException e) {
      System.err.println("could not stop the embedded PostgreSQL: " + e);
    }
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + data + ": " + e);
    }
  }

  private void run(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    if (asNobody) {
      line.addAll(List.of("runuser", "-u", "nobody", "--"));
    }
    line.addAll(List.of(command));
    Path output = Files.createTempFile("cascade-pg-", ".out");
    Process process =
        new ProcessBuilder(line)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean done = process.waitFor(2, TimeUnit.MINUTES);
    String printed = Files.readString(output);
    Files.deleteIfExists(output);
    if (!done || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", line) + " failed:\n" + printed);
    }
  }

  /**
   * Unpacks the bundled archive once per version into the temp folder, readable by everyone (the
   * server may run as {@code nobody}); a half-written copy is never used.
   */
  private static Path extractBinaries() throws IOException {
    URL archive = archive();
    String version = Integer.toHexString(archive.toString().hashCode());
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "cascade-postgres-" + version);
    if (Files.isExecutable(target.resolve("bin/postgres"))) {
      return target;
    }
    Path partial = Files.createTempDirectory(target.getParent(), "cascade-postgres-partial-");
    try (InputStream in = archive.openStream();
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(in)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path file = partial.resolve(entry.getName()).normalize();
        if (!file.startsWith(partial)) {
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
          Files.setPosixFilePermissions(file, executable ? READ_EXECUTE : READ);
        }
      }
    }
    try (Stream<Path> dirs = Files.walk(partial)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(dir, READ_EXECUTE);
      }
    }
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
      // Another JVM finished first; its copy is complete.
    }
    return target;
  }

  private static final Set<PosixFilePermission> READ = PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> READ_EXECUTE =
      PosixFilePermissions.fromString("rwxr-xr-x");

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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
