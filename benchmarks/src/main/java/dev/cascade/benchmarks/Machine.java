package dev.cascade.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmark ran on, for the report: processors, memory, JDK, load. */
record Machine(int processors, String memory, String cpu, String jdk, String os) {
  static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procLine("/proc/meminfo", "MemTotal"),
        procLine("/proc/cpuinfo", "model name"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
  static String loadAverage() {
    List<String> fields = List.of(read("/proc/loadavg").split(" "));
    return fields.size() < 3 ? "unknown" : String.join(", ", fields.subList(0, 3));
  }

  private static String procLine(String file, String key) {
    return read(file).lines()
        .filter(line -> line.startsWith(key))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .findFirst()
        .orElse("unknown");
  }

  private static String read(String file) {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      return "";
    }
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
