package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Optional;

/**
 * How one delete runs. Start from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * UserDeleter.destroy(handle, id, DeleteOptions.defaults()
 *     .withStrategy(DeleteStrategy.TRASH)
 *     .withActor("alice@example.com")
 *     .withReason("GDPR request 4711"));
 * }</pre>
 *
 * @param strategy the strategy for this call; empty to use the model's (see {@link
 *     CascadeConfig#getDefaultStrategy()})
 * @param skipEvents whether listeners are left out of this call
 * @param descendants whether the cascade runs; {@code false} deletes only the rows themselves,
 *     which fails on any foreign key that still points at them
 * @param actor who deletes, for the journal; empty for {@link CascadeConfig#getActorSupplier()}'s
 * @param reason why, for the journal
 * @param requireExisting whether an id that names no row this call can delete fails the call with
 *     a {@link NotFoundException}; by default such an id is left out, and {@link
 *     DeleteResult#deletedCount()} counts only the rows deleted
 */
public record DeleteOptions(
    Optional<DeleteStrategy> strategy,
    boolean skipEvents,
    boolean descendants,
    Optional<String> actor,
    Optional<String> reason,
    boolean requireExisting) {
  private static final DeleteOptions DEFAULTS =
      new DeleteOptions(Optional.empty(), false, true, Optional.empty(), Optional.empty(), false);

  public DeleteOptions {
    if (strategy == null) {
      throw new CascadeException("DeleteOptions: strategy is null; use Optional.empty() for the model's strategy");
    }
    if (actor == null || reason == null) {
      throw new CascadeException("DeleteOptions: actor and reason may be empty but not null");
    }
  }

  /**
   * The model's strategy, events on, the whole cascade, the configured actor, no reason, and ids
   * that name no row left out.
   */
  public static DeleteOptions defaults() {
    return DEFAULTS;
  }

  /** This strategy for the call; it may not be null (leave it out for the model's). */
  public DeleteOptions withStrategy(DeleteStrategy strategy) {
    if (strategy == null) {
      throw new CascadeException("DeleteOptions.withStrategy(null): name a strategy, or leave it out for the model's");
    }
    return new DeleteOptions(Optional.of(strategy), skipEvents, descendants, actor, reason, requireExisting);
  }

  public DeleteOptions withSkipEvents(boolean skipEvents) {
    return new DeleteOptions(strategy, skipEvents, descendants, actor, reason, requireExisting);
  }

  public DeleteOptions withDescendants(boolean descendants) {
    return new DeleteOptions(strategy, skipEvents, descendants, actor, reason, requireExisting);
  }

  /** Who deletes, as the journal records it: a user name, an email, a service. */
  public DeleteOptions withActor(String actor) {
    return new DeleteOptions(strategy, skipEvents, descendants, Optional.ofNullable(actor), reason, requireExisting);
  }

  /** Why, as the journal records it: {@code "GDPR request 4711"}. */
  public DeleteOptions withReason(String reason) {
    return new DeleteOptions(strategy, skipEvents, descendants, actor, Optional.ofNullable(reason), requireExisting);
  }

  /**
   * Whether every id must name a row this call deletes: one that exists and, for {@code SOFT}, is
   * not soft-deleted yet. With {@code true}, any other id fails the call with a {@link
   * NotFoundException} naming the table and those ids, and nothing is changed; by default (false)
   * such ids are left out, as SQL's {@code DELETE} leaves them.
   */
  public DeleteOptions withRequireExisting(boolean requireExisting) {
    return new DeleteOptions(strategy, skipEvents, descendants, actor, reason, requireExisting);
  }
}
