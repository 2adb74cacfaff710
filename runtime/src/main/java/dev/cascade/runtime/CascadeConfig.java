package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Cascade's settings on a {@code Jdbi} (or one {@code Handle}): the default strategy, the
 * listeners, the journal and where times come from. JDBI copies it to each handle, so what a
 * handle changes stays on that handle. {@link CascadePlugin} sets the same things when a {@code
 * Jdbi} is built.
 *
 * <pre>{@code
 * jdbi.getConfig(CascadeConfig.class)
 *     .setDefaultStrategy(DeleteStrategy.SOFT)
 *     .setActorSupplier(() -> currentUser.email())
 *     .onDeleting(User.class, (user, event) -> requireAdmin());
 * }</pre>
 */
public final class CascadeConfig implements JdbiConfig<CascadeConfig> {
  /** The journal table's name unless {@link #setJournalTable} says otherwise. */
  public static final String DEFAULT_JOURNAL_TABLE = "cascade_operations";

  private DeleteStrategy defaultStrategy;
  private final Map<CascadeEvent.Kind, List<Registration<?>>> listeners;
  private Supplier<String> actorSupplier;
  private Clock clock;
  private Optional<String> journalTable;

  /**
   * Called by JDBI; {@link DeleteStrategy#PERMANENT}, no listeners, no actor, the system clock in
   * UTC, the journal in {@value #DEFAULT_JOURNAL_TABLE}.
   */
  public CascadeConfig() {
    this.defaultStrategy = DeleteStrategy.PERMANENT;
    this.listeners = new EnumMap<>(CascadeEvent.Kind.class);
    this.actorSupplier = () -> null;
    this.clock = Clock.systemUTC();
    this.journalTable = Optional.of(DEFAULT_JOURNAL_TABLE);
  }

  private CascadeConfig(CascadeConfig that) {
    this.defaultStrategy = that.defaultStrategy;
    this.listeners = new EnumMap<>(CascadeEvent.Kind.class);
    that.listeners.forEach((kind, list) -> this.listeners.put(kind, new ArrayList<>(list)));
    this.actorSupplier = that.actorSupplier;
    this.clock = that.clock;
    this.journalTable = that.journalTable;
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

  /**
   * Who deletes, for the journal, when a call's {@code DeleteOptions} name no actor: the signed-in
   * user of the request, say. It may return null.
   */
  public CascadeConfig setActorSupplier(Supplier<String> actorSupplier) {
    this.actorSupplier = Objects.requireNonNull(actorSupplier, "actorSupplier");
    return this;
  }

  public Supplier<String> getActorSupplier() {
    return actorSupplier;
  }

  /**
   * Where the times of operations come from: the {@code deleted_at} a soft delete writes, the
   * trash time, the journal's times. Tests may fix it.
   */
  public CascadeConfig setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public Clock getClock() {
    return clock;
  }

  /**
   * The journal table, {@value #DEFAULT_JOURNAL_TABLE} by default; {@code null} turns the
   * journal off (see the README for what that weakens: markers are then unique within one {@code
   * Jdbi} only, and operations cannot be listed, restored by their deletion id or purged).
   */
  public CascadeConfig setJournalTable(String table) {
    this.journalTable = Optional.ofNullable(table);
    return this;
  }

  /** The journal table; empty when the journal is off. */
  public Optional<String> getJournalTable() {
    return journalTable;
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
   * Removes this listener, for every event and type it was registered for; nothing happens if it
   * was not. On the {@code Jdbi}, it stops hearing handles opened from then on (each handle has its
   * own copy of the config); on a handle, that handle. For a listener that only some code should
   * hear, register it on a handle instead, or remove it when that code is done (a test context
   * shared by several tests).
   */
  public CascadeConfig removeListener(CascadeListener<?> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.values().forEach(list -> list.removeIf(registration -> registration.listener() == listener));
    return this;
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
