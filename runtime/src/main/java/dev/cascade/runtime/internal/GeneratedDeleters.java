package dev.cascade.runtime.internal;

import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The plans of the generated deleters that {@code META-INF/services} lists on the class path (the
 * processor writes that list beside the classes it generates): {@code Journal.purge} purges each,
 * and a refused restore reads the schema of a parent's own model there to say which delete holds
 * it.
 */
final class GeneratedDeleters {
  private GeneratedDeleters() {}

  /**
   * One plan per table, in order of table name.
   *
   * @throws ServiceConfigurationError when the list names a class that is not there (a build that
   *     removed a model and kept the list, as an IDE's may)
   */
  static List<DeletePlan<?>> plans() {
    Map<String, DeletePlan<?>> plans = new TreeMap<>();
    stream().forEach(plan -> plans.putIfAbsent(plan.table(), plan));
    return List.copyOf(plans.values());
  }

  /**
   * The plans as the list names them, each deleter loaded (and its class initialized) only when the
   * stream reaches it.
   *
   * @throws ServiceConfigurationError as {@link #plans()}, once the stream reaches such a class
   */
  static Stream<DeletePlan<?>> stream() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return ServiceLoader.load(GeneratedDeleter.class, loader != null ? loader : GeneratedDeleters.class.getClassLoader())
        .stream()
        .map(provider -> provider.get().plan());
  }
}
