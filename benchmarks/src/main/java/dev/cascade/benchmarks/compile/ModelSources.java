package dev.cascade.benchmarks.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a schema of {@code count} Cascade models as Java sources: a forest of trees of ten
 * models, in which model {@code k} of a tree has many of models {@code 3k+1..3k+3}. Each model is
 * a record with a key, a foreign key to its parent, a name and a soft-delete column.
 */
final class ModelSources {
  static final String PACKAGE = "bench.models";
  private static final int TREE = 10;
  private static final int FAN_OUT = 3;

  private ModelSources() {}

  /** Writes the sources under {@code root} and returns their paths. */
  static List<Path> write(Path root, int count) throws IOException {
    Path folder = Files.createDirectories(root.resolve(PACKAGE.replace('.', '/')));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path file = folder.resolve(name(i) + ".java");
      Files.writeString(file, source(i, count));
      files.add(file);
    }
    return files;
  }

  static String name(int model) {
    return String.format("M%03d", model);
  }

  private static String source(int model, int count) {
    int tree = model / TREE;
    int k = model % TREE;
    StringBuilder source = new StringBuilder();
    source.append("package ").append(PACKAGE).append(";\n\n")
        .append("import dev.cascade.annotations.BelongsTo;\n")
        .append("import dev.cascade.annotations.HasMany;\n")
        .append("import dev.cascade.annotations.Table;\n")
        .append("import java.time.Instant;\n\n")
        .append("@Table(\"").append(name(model).toLowerCase()).append("\")\n");
    for (int child = FAN_OUT * k + 1; child <= FAN_OUT * k + FAN_OUT && child < TREE; child++) {
      int index = tree * TREE + child;
      if (index < count) {
        source.append("@HasMany(").append(name(index)).append(".class)\n");
      }
    }
    source.append("public record ").append(name(model)).append("(long id, ");
    if (k > 0) {
      String parent = name(tree * TREE + (k - 1) / FAN_OUT);
      source.append("@BelongsTo(").append(parent).append(".class) long ")
          .append(parent.toLowerCase()).append("Id, ");
    }
    return source.append("String name, Instant deletedAt) {}\n").toString();
  }
}
