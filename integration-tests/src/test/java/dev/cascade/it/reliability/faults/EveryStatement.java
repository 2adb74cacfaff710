package dev.cascade.it.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cascade.runtime.CascadeException;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Runs an operation again and again with a fault at its 1st statement, then its 2nd, and so on,
 * each time on a new handle, until it runs to its end without reaching the fault. After every
 * fault the call must have thrown a {@link CascadeException} and every table must be exactly as
 * before. Counts the faults.
 */
final class EveryStatement {
  private final TestDatabase database;
  private final List<String> tables;
  private int injected;

  EveryStatement(TestDatabase database, List<String> tables) {
    this.database = database;
    this.tables = tables;
  }

  /** Breaks each statement of {@code operation} in turn, then lets it succeed. */
  void breakEach(Operation operation, BiFunction<Handle, Integer, FaultAt> faultAt) {
    if (!operation.underTest()) {
      database.jdbi().useHandle(operation.call()::apply);
      return;
    }
    Snapshot before = database.snapshot(tables);
    for (int n = 1; ; n++) {
      Handle handle = database.jdbi().open();
      FaultAt fault = faultAt.apply(handle, n);
      handle.addCustomizer(fault);
      try {
        operation.call().apply(handle);
        assertThat(fault.fired()).as("%s ran on after its statement %d failed", operation, n).isFalse();
        assertThat(n).as("%s ran no statement", operation).isGreaterThan(1);
        return;
      } catch (CascadeException e) {
        if (!fault.fired()) {
          fail(operation + " failed before any fault: " + e.getMessage(), e);
        }
        injected++;
        assertThat(database.snapshot(tables)).as("%s with statement %d broken", operation, n).isEqualTo(before);
      } catch (RuntimeException e) {
        fail(operation + " with statement " + n + " broken threw " + e.getClass().getName()
            + " instead of a CascadeException", e);
      } finally {
        closeQuietly(handle);
      }
    }
  }

  /**
   * Runs {@code operation} once with {@code fault} arranged on its handle: it must throw {@code
   * expected} (a listener's own exception passes through unchanged) and change nothing.
   */
  void breakOnce(
      Operation operation, String fault, Consumer<Handle> arrange, Class<? extends RuntimeException> expected) {
    Snapshot before = database.snapshot(tables);
    try (Handle handle = database.jdbi().open()) {
      arrange.accept(handle);
      try {
        Object result = operation.call().apply(handle);
        fail(operation + " succeeded despite " + fault + ": " + result);
      } catch (RuntimeException e) {
        assertThat(e).as("%s with %s", operation, fault).isInstanceOf(expected);
        injected++;
      }
    }
    assertThat(database.snapshot(tables)).as("%s with %s", operation, fault).isEqualTo(before);
  }

  int injected() {
    return injected;
  }

  /** A handle whose connection was killed may fail to close; that is not what is tested. */
  private static void closeQuietly(Handle handle) {
    try {
      handle.close();
    } catch (RuntimeException ignored) {
      // The connection is gone already.
    }
  }
}
