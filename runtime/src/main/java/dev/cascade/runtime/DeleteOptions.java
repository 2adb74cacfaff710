package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Optional;

/**
 * How one delete runs. Start from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * UserDeleter.destroy(handle, id, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
 * }</pre>
 *
 * @param strategy the strategy for this call; empty to use the model's (see {@link
 *     CascadeConfig#getDefaultStrategy()})
 * @param skipEvents whether listeners are left out of this call
 * @param descendants whether the cascade runs; {@code false} deletes only the rows themselves,
 *     which fails on any foreign key that still points at them
 */
public record DeleteOptions(Optional<DeleteStrategy> strategy, boolean skipEvents, boolean descendants) {
  private static final DeleteOptions DEFAULTS = new DeleteOptions(Optional.empty(), false, true);

  public DeleteOptions {
    if (strategy == null) {
      throw new CascadeException("DeleteOptions: strategy is null; use Optional.empty() for the model's strategy");
    }
  }

  /** The model's strategy, events on, the whole cascade. */
  public static DeleteOptions defaults() {
    return DEFAULTS;
  }

  /** This strategy for the call; it may not be null (leave it out for the model's). */
  public DeleteOptions withStrategy(DeleteStrategy strategy) {
    if (strategy == null) {
      throw new CascadeException("DeleteOptions.withStrategy(null): name a strategy, or leave it out for the model's");
    }
    return new DeleteOptions(Optional.of(strategy), skipEvents, descendants);
  }

  public DeleteOptions withSkipEvents(boolean skipEvents) {
    return new DeleteOptions(strategy, skipEvents, descendants);
  }

  public DeleteOptions withDescendants(boolean descendants) {
    return new DeleteOptions(strategy, skipEvents, descendants);
  }
}
