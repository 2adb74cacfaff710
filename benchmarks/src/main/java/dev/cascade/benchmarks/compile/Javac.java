package dev.cascade.benchmarks.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** One in-process javac run over the benchmark's sources, timed by the clock and by its thread's CPU. */
final class Javac {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private Javac() {}

  /** How long one run took: wall time, and CPU time of the thread javac ran on. */
  record Run(double millis, double cpuMillis) {}

  /**
   * Compiles {@code sources} into {@code output}, with the processor if one is given and with
   * {@code -proc:none} otherwise; {@code more} are further options ({@code -s}).
   */
  static Run compile(List<Path> sources, Path output, Optional<Processor> processor, List<String> more)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<String> options = new ArrayList<>(List.of(
          "-d", output.toString(),
          "-classpath", System.getProperty("java.class.path"),
          "--release", "17",
          "-implicit:none"));
      options.addAll(more);
      if (processor.isEmpty()) {
        options.add("-proc:none");
      }
      long start = System.nanoTime();
      long startCpu = THREADS.getCurrentThreadCpuTime();
      JavaCompiler.CompilationTask task =
          javac.getTask(messages, files, null, options, null, files.getJavaFileObjectsFromPaths(sources));
      processor.ifPresent(p -> task.setProcessors(List.of(p)));
      boolean ok = task.call();
      Run run = new Run((System.nanoTime() - start) / 1e6, (THREADS.getCurrentThreadCpuTime() - startCpu) / 1e6);
      if (!ok) {
        throw new IllegalStateException("compiling the generated models failed:\n" + messages);
      }
      return run;
    }
  }
}
