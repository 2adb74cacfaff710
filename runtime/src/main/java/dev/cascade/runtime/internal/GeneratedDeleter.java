package dev.cascade.runtime.internal;

/**
 * A generated deleter, as {@code META-INF/services/dev.cascade.runtime.internal.GeneratedDeleter}
 * lists it: the processor writes that file beside the classes it generates, so that {@code
 * Journal.purge} finds every model's deleter on the class path, as {@code
 * Jdbi.installPlugins()} finds plugins.
 */
public interface GeneratedDeleter {
  /** The deleter's plan. */
  DeletePlan<?> plan();
}
