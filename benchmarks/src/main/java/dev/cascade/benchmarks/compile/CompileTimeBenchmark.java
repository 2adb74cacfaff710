package dev.cascade.benchmarks.compile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the processor adds to a build: compiles a generated schema of 200 models with javac in
 * this JVM, with the Cascade processor and with {@code -proc:none}, alternately, after a warm-up
 * of each, and prints the medians. Arguments: {@code [models] [runs]}, default 200 and 5.
 */
public final class CompileTimeBenchmark {
  private CompileTimeBenchmark() {}

  public static void main(String[] args) throws IOException {
    int models = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.println(measure(models, runs, System.err));
  }

  /** Medians in milliseconds, and how many files the processor wrote. */
  record Timings(int models, int runs, double withProcessor, double withoutProcessor, long generatedFiles) {
    @Override
    public String toString() {
      return String.format(
          "%d models, median of %d runs: with the processor %.0f ms, with -proc:none %.0f ms,"
              + " difference %.0f ms (%.2fx); %d classes generated",
          models, runs, withProcessor, withoutProcessor, withProcessor - withoutProcessor,
          withProcessor / withoutProcessor, generatedFiles);
    }
  }

  static Timings measure(int models, int runs, PrintStream log) throws IOException {
    Path root = Files.createTempDirectory("cascade-compile-bench-");
    try {
      List<Path> sources = ModelSources.write(root.resolve("src"), models);
      List<Double> with = new ArrayList<>();
      List<Double> without = new ArrayList<>();
      long generated = 0;
      for (int run = -1; run < runs; run++) {
        Path withOut = Files.createDirectories(root.resolve("with" + run));
        double withMillis = compile(sources, withOut, "-processor", "dev.cascade.processor.CascadeProcessor");
        double withoutMillis = compile(sources, Files.createDirectories(root.resolve("without" + run)), "-proc:none");
        log.printf("  run %d: with %.0f ms, without %.0f ms%s%n",
            run + 1, withMillis, withoutMillis, run < 0 ? " (warm-up)" : "");
        if (run >= 0) {
          with.add(withMillis);
          without.add(withoutMillis);
        }
        generated = countClasses(withOut) - models;
      }
      return new Timings(models, runs, median(with), median(without), generated);
    } finally {
      delete(root);
    }
  }

  private static double compile(List<Path> sources, Path output, String... processing) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<String> options = new ArrayList<>(List.of(
          "-d", output.toString(),
          "-classpath", System.getProperty("java.class.path"),
          "--release", "17",
          "-implicit:none"));
      options.addAll(List.of(processing));
      long start = System.nanoTime();
      boolean ok = javac.getTask(messages, files, null, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
      double millis = (System.nanoTime() - start) / 1e6;
      if (!ok) {
        throw new IllegalStateException("compiling the generated models failed:\n" + messages);
      }
      return millis;
    }
  }

  private static long countClasses(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).count();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
