package dev.cascade.it.reliability.faults;

import dev.cascade.runtime.CascadeEvent;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * One Cascade call to break, named for messages, with the events it fires; or, when not {@code
 * underTest}, a plain step that prepares the next one (an insert that takes a trashed id).
 */
record Operation(String name, boolean underTest, List<CascadeEvent.Kind> events, Function<Handle, Object> call) {
  static Operation delete(String name, Function<Handle, Object> call) {
    return new Operation(name, true, List.of(CascadeEvent.Kind.DELETING, CascadeEvent.Kind.DELETED), call);
  }

  static Operation restore(String name, Function<Handle, Object> call) {
    return new Operation(name, true, List.of(CascadeEvent.Kind.RESTORING, CascadeEvent.Kind.RESTORED), call);
  }

  static Operation prepare(String name, Function<Handle, Object> call) {
    return new Operation(name, false, List.of(), call);
  }

  @Override
  public String toString() {
    return name;
  }
}
