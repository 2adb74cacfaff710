package dev.cascade.benchmarks.compile;

import dev.cascade.processor.CascadeProcessor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;

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

  /**
   * Medians in milliseconds, and how many files the processor wrote. The build's time with the
   * processor is the models' compilation, the processor's own work, and compiling what it wrote.
   */
  record Timings(
      int models,
      int runs,
      double withProcessor,
      double withoutProcessor,
      double processorOwn,
      double processorCpu,
      long generatedFiles) {
    @Override
    public String toString() {
      double overhead = withProcessor - withoutProcessor;
      return String.format(
          "%d models, median of %d runs: with the processor %.0f ms, with -proc:none %.0f ms,"
              + " difference %.0f ms (%.2fx): the processor's own work %.0f ms (%.0f ms of CPU), compiling what it"
              + " wrote %.0f ms; %d classes generated",
          models, runs, withProcessor, withoutProcessor, overhead, withProcessor / withoutProcessor,
          processorOwn, processorCpu, overhead - processorOwn, generatedFiles);
    }
  }

  static Timings measure(int models, int runs, PrintStream log) throws IOException {
    Path root = Files.createTempDirectory("cascade-compile-bench-");
    try {
      List<Path> sources = ModelSources.write(root.resolve("src"), models);
      List<Double> with = new ArrayList<>();
      List<Double> without = new ArrayList<>();
      List<Double> own = new ArrayList<>();
      List<Double> ownCpu = new ArrayList<>();
      long generated = 0;
      for (int run = -1; run < runs; run++) {
        Path withOut = Files.createDirectories(root.resolve("with" + run));
        TimedProcessor processor = new TimedProcessor(new CascadeProcessor());
        double withMillis = compile(sources, withOut, Optional.of(processor));
        double withoutMillis = compile(sources, Files.createDirectories(root.resolve("without" + run)), Optional.empty());
        log.printf("  run %d: with %.0f ms (processor %.0f ms, %.0f ms of CPU), without %.0f ms%s%n",
            run + 1, withMillis, processor.millis(), processor.cpuMillis(), withoutMillis, run < 0 ? " (warm-up)" : "");
        if (run >= 0) {
          with.add(withMillis);
          without.add(withoutMillis);
          own.add(processor.millis());
          ownCpu.add(processor.cpuMillis());
        }
        generated = countClasses(withOut) - models;
      }
      return new Timings(models, runs, median(with), median(without), median(own), median(ownCpu), generated);
    } finally {
      delete(root);
    }
  }

  private static double compile(List<Path> sources, Path output, Optional<Processor> processor) throws IOException {
    return Javac.compile(sources, output, processor, List.of()).millis();
  }

  private static long countClasses(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).count();
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static void delete(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
