package dev.cascade.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * The names of generated classes: {@code UserDeleter} beside {@code User}; for a nested record
 * {@code Blog.User}, {@code Blog_UserDeleter}.
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  public static ClassName deleter(ClassName record) {
    return ClassName.get(record.packageName(), String.join("_", record.simpleNames()) + "Deleter");
  }

  public static ClassName restorer(ClassName record) {
    return ClassName.get(record.packageName(), String.join("_", record.simpleNames()) + "Restorer");
  }
}
