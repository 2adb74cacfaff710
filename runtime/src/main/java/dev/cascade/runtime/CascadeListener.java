package dev.cascade.runtime;

/**
 * Hears about the root records of a delete or restore, once each; rows reached by the cascade are
 * reported as counts in the event, not one by one.
 *
 * <pre>{@code
 * jdbi.getConfig(CascadeConfig.class)
 *     .onDeleted(User.class, (user, event) -> audit.log("deleted", user.name(), event.strategy()));
 * }</pre>
 */
@FunctionalInterface
public interface CascadeListener<T> {
  void on(T record, CascadeEvent event);
}
