package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Cascade's settings on a {@code Jdbi} (or one {@code Handle}): the default strategy and the
 * listeners. JDBI copies it to each handle, so what a handle changes stays on that handle.
 *
 * <pre>{@code
 * jdbi.getConfig(CascadeConfig.class)
 *     .setDefaultStrategy(DeleteStrategy.SOFT)
 *     .onDeleting(User.class, (user, event) -> requireAdmin());
 * }</pre>
 */
public final class CascadeConfig implements JdbiConfig<CascadeConfig> {
  private DeleteStrategy defaultStrategy;
  private final Map<CascadeEvent.Kind, List<Registration<?>>> listeners;

  /** Called by JDBI; {@link DeleteStrategy#PERMANENT} and no listeners. */
  public CascadeConfig() {
    this.defaultStrategy = DeleteStrategy.PERMANENT;
    this.listeners = new EnumMap<>(CascadeEvent.Kind.class);
  }

  private CascadeConfig(CascadeConfig that) {
    this.defaultStrategy = that.defaultStrategy;
    this.listeners = new EnumMap<>(CascadeEvent.Kind.class);
    that.listeners.forEach((kind, list) -> this.listeners.put(kind, new ArrayList<>(list)));
  }

  @Override
  public CascadeConfig createCopy() {
    return new CascadeConfig(this);
  }

  /**
   * The strategy of models that do not write one in {@code @Deletable(strategy = ...)}, for calls
   * that do not choose one in {@code DeleteOptions}.
   */
  public CascadeConfig setDefaultStrategy(DeleteStrategy strategy) {
    this.defaultStrategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  public DeleteStrategy getDefaultStrategy() {
    return defaultStrategy;
  }

  /** Called before each root record is deleted, inside the transaction; throw to veto. */
  public <T> CascadeConfig onDeleting(Class<T> type, CascadeListener<? super T> listener) {
    return register(CascadeEvent.Kind.DELETING, type, listener);
  }

  /** Called after each root record and its cascade are deleted, inside the transaction. */
  public <T> CascadeConfig onDeleted(Class<T> type, CascadeListener<? super T> listener) {
    return register(CascadeEvent.Kind.DELETED, type, listener);
  }

  /** Called before each root record is restored, inside the transaction; throw to veto. */
  public <T> CascadeConfig onRestoring(Class<T> type, CascadeListener<? super T> listener) {
    return register(CascadeEvent.Kind.RESTORING, type, listener);
  }

  /** Called after each root record and its cascade are restored, inside the transaction. */
  public <T> CascadeConfig onRestored(Class<T> type, CascadeListener<? super T> listener) {
    return register(CascadeEvent.Kind.RESTORED, type, listener);
  }

  /**
   * The listeners for records of this type at this moment, in the order they were registered. A
   * listener registered for an interface the record implements (or {@code Object}) is included.
   */
  @SuppressWarnings("unchecked")
  public <T> List<CascadeListener<? super T>> listeners(CascadeEvent.Kind kind, Class<T> type) {
    List<CascadeListener<? super T>> found = new ArrayList<>();
    for (Registration<?> registration : listeners.getOrDefault(kind, List.of())) {
      if (registration.type().isAssignableFrom(type)) {
        found.add((CascadeListener<? super T>) registration.listener());
      }
    }
    return found;
  }

  /** Whether any listener would hear about records of this type, at any moment. */
  public boolean hasListeners(Class<?> type) {
    for (CascadeEvent.Kind kind : CascadeEvent.Kind.values()) {
      if (!listeners(kind, type).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private <T> CascadeConfig register(
      CascadeEvent.Kind kind, Class<T> type, CascadeListener<? super T> listener) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(listener, "listener");
    listeners.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Registration<>(type, listener));
    return this;
  }

  private record Registration<T>(Class<T> type, CascadeListener<? super T> listener) {}
}
