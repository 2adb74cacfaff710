package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.util.Arrays;
import java.util.List;

/** A run's argument that lists values with commas ({@code 50,250}, {@code H2,POSTGRESQL}), or its default. */
final class ListArgument {
  private ListArgument() {}

  static List<Integer> integers(String[] args, int index, String orElse) {
    return Arrays.stream(value(args, index, orElse).split(",")).map(Integer::parseInt).toList();
  }

  static List<DatabaseKind> databases(String[] args, int index, String orElse) {
    return Arrays.stream(value(args, index, orElse).split(",")).map(DatabaseKind::valueOf).toList();
  }

  private static String value(String[] args, int index, String orElse) {
    return args.length > index ? args[index] : orElse;
  }
}
