package dev.cascade.benchmarks.compile;

import dev.cascade.processor.CascadeProcessor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What compiling the processor's output costs, apart from the processor's own work: writes the
 * models of {@link CompileTimeBenchmark}, has the processor write its sources once, then compiles
 * the models with those sources and the models alone, both with {@code -proc:none}, alternately,
 * after a warm-up, and prints the difference in javac's CPU time on its thread. That leaves out
 * the time other processes take, though a shared machine still moves it (BENCHMARKS.md); compare two
 * commits by running it on each, in turns, more than once. Arguments: {@code [models] [runs]},
 * default 200 and 9.
 */
public final class GeneratedSourcesBenchmark {
  private GeneratedSourcesBenchmark() {}

  public static void main(String[] args) throws IOException {
    int models = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    System.out.println(measure(models, runs, System.err));
  }

  /** The CPU time of compiling the generated sources, per run, in milliseconds. */
  record Timings(int models, long sources, List<Double> cpuMillis) {
    double min() {
      return cpuMillis.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    @Override
    public String toString() {
      return String.format(
          "%d models, %d generated sources: compiling them took %.0f ms of javac's CPU time (median of %d"
              + " runs; fastest %.0f ms)",
          models, sources, CompileTimeBenchmark.median(cpuMillis), cpuMillis.size(), min());
    }
  }

  static Timings measure(int models, int runs, PrintStream log) throws IOException {
    Path root = Files.createTempDirectory("cascade-generated-bench-");
    try {
      List<Path> modelSources = ModelSources.write(root.resolve("src"), models);
      Path generated = Files.createDirectories(root.resolve("generated"));
      Javac.compile(modelSources, Files.createDirectories(root.resolve("processed")),
          Optional.of(new CascadeProcessor()), List.of("-s", generated.toString()));
      List<Path> all = new ArrayList<>(modelSources);
      all.addAll(javaFiles(generated));
      List<Double> cpu = new ArrayList<>();
      for (int run = -1; run < runs; run++) {
        double modelsOnly = Javac.compile(modelSources, Files.createTempDirectory(root, "models"),
            Optional.empty(), List.of()).cpuMillis();
        double withSources = Javac.compile(all, Files.createTempDirectory(root, "all"),
            Optional.empty(), List.of()).cpuMillis();
        log.printf("  run %d: %.0f ms of CPU for the generated sources%s%n",
            run + 1, withSources - modelsOnly, run < 0 ? " (warm-up)" : "");
        if (run >= 0) {
          cpu.add(withSources - modelsOnly);
        }
      }
      return new Timings(models, all.size() - modelSources.size(), cpu);
    } finally {
      CompileTimeBenchmark.delete(root);
    }
  }

  private static List<Path> javaFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }
}
