package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a benchmark run is set up, from {@code --name=value} arguments: {@code --data=full|tenth|tiny},
 * {@code --databases=postgresql,h2}, {@code --warmups=2}, {@code --repetitions=7}, {@code
 * --slow-repetitions=3} (row-by-row and Hibernate, after one warm-up), {@code --out=FILE}.
 *
 * <p>Each run, warm-up or not, deletes a different user, so warm-ups plus repetitions must not
 * exceed the number of users.
 */
record Options(
    Shape shape,
    List<DatabaseKind> databases,
    int warmups,
    int repetitions,
    int slowRepetitions,
    Optional<Path> out) {
  Options {
    databases = List.copyOf(databases);
    if (warmups + repetitions > shape.users()) {
      throw new IllegalArgumentException(
          warmups + " warm-ups and " + repetitions + " repetitions need as many users, but the data has "
              + shape.users());
    }
  }

  /** Warm-ups of the slow contenders: at most one, since one run takes seconds. */
  int slowWarmups() {
    return Math.min(warmups, 1);
  }

  static Options parse(String... args) {
    Shape shape = Shape.FULL;
    List<DatabaseKind> databases = List.of(DatabaseKind.POSTGRESQL, DatabaseKind.H2);
    int warmups = 2;
    int repetitions = 7;
    int slowRepetitions = 3;
    Optional<Path> out = Optional.empty();
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      String value = pair[1];
      switch (pair[0]) {
        case "data" ->
            shape =
                switch (value) {
                  case "full" -> Shape.FULL;
                  case "tenth" -> Shape.TENTH;
                  case "tiny" -> Shape.TINY;
                  default -> throw new IllegalArgumentException("--data is full, tenth or tiny, not " + value);
                };
        case "databases" ->
            databases =
                Arrays.stream(value.split(","))
                    .map(name -> DatabaseKind.valueOf(name.trim().toUpperCase(Locale.ROOT)))
                    .toList();
        case "warmups" -> warmups = Integer.parseInt(value);
        case "repetitions" -> repetitions = Integer.parseInt(value);
        case "slow-repetitions" -> slowRepetitions = Integer.parseInt(value);
        case "out" -> out = Optional.of(Path.of(value));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new Options(shape, databases, warmups, repetitions, slowRepetitions, out);
  }
}
