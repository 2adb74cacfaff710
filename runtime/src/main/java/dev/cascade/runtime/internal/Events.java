package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeEvent;
import dev.cascade.runtime.CascadeListener;
import dev.cascade.runtime.TrashRecord;
import dev.cascade.runtime.TransactionConflictException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The listeners of one call, for one record type. Empty when events are skipped or nobody
 * listens, in which case no record is ever loaded.
 */
final class Events<T> {
  private final Handle handle;
  private final CascadeConfig config;
  private final Class<T> type;
  private final boolean active;

  Events(Handle handle, Class<T> type, boolean skip, CascadeEvent.Kind... kinds) {
    this.handle = handle;
    this.config = handle.getConfig(CascadeConfig.class);
    this.type = type;
    boolean anyone = false;
    for (CascadeEvent.Kind kind : kinds) {
      anyone |= !config.listeners(kind, type).isEmpty();
    }
    this.active = !skip && anyone;
  }

  /** Whether records must be loaded for listeners. */
  boolean active() {
    return active;
  }

  /** Tells every listener of this moment about each record, in order. */
  void fire(
      CascadeEvent.Kind kind,
      String table,
      List<T> records,
      Function<T, Object> keyOf,
      DeleteStrategy strategy,
      long count,
      Map<String, Long> rowsByTable,
      Optional<TrashRecord> trash) {
    if (!active) {
      return;
    }
    List<CascadeListener<? super T>> listeners = config.listeners(kind, type);
    for (T record : records) {
      CascadeEvent event =
          new CascadeEvent(kind, table, keyOf.apply(record), strategy, count, rowsByTable, trash, handle);
      for (CascadeListener<? super T> listener : listeners) {
        try {
          listener.on(record, event);
        } catch (RuntimeException e) {
          throw conflictToRetry(e, kind, table, event.primaryKey());
        }
      }
    }
  }

  /**
   * What a listener threw, as it threw it; but where another transaction got in the way of a
   * statement of its own (a serialization failure, a deadlock, a lock timeout), a {@link
   * TransactionConflictException} with it as the cause, which the caller retries as any other
   * conflict of the call (trial 26: an audit listener's insert at {@code SERIALIZABLE} came out as
   * JDBI's own exception, which a retry on conflicts let through).
   */
  private static RuntimeException conflictToRetry(
      RuntimeException thrown, CascadeEvent.Kind kind, String table, Object key) {
    if (thrown instanceof CascadeException || !SqlFailures.transactionConflict(thrown)) {
      return thrown;
    }
    String listener = "on" + kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
    String why = thrown instanceof JdbiException jdbi ? SqlFailures.briefCause(jdbi) : SqlFailures.brief(thrown.getMessage());
    return SqlFailures.exception("the " + listener + " listener for " + table + " " + key + " failed: " + why, thrown);
  }
}
