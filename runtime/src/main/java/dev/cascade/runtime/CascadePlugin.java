package dev.cascade.runtime;

import dev.cascade.annotations.DeleteStrategy;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * Installs Cascade's settings on a {@code Jdbi}, as JDBI's own plugins do:
 *
 * <pre>{@code
 * Jdbi jdbi = Jdbi.create(dataSource)
 *     .installPlugin(new CascadePlugin()
 *         .withDefaultStrategy(DeleteStrategy.SOFT)
 *         .withActorSupplier(() -> currentUser.email())
 *         .withJournalTable("cascade_operations"));
 * }</pre>
 *
 * <p>{@code jdbi.installPlugins()} finds it through {@code ServiceLoader} and installs it with no
 * settings, which changes nothing. It is a {@link JdbiPlugin.Singleton} per configuration: a
 * plugin equal to one installed already (the same settings) is not installed again, while one
 * with other settings applies them, whatever the order. Settings it does not name keep their
 * values.
 */
public final class CascadePlugin extends JdbiPlugin.Singleton {
  private final Optional<DeleteStrategy> defaultStrategy;
  private final Optional<Supplier<String>> actorSupplier;
  private final Optional<Clock> clock;
  private final Optional<Optional<String>> journalTable;

  /** The defaults; the constructor {@code ServiceLoader} calls. */
  public CascadePlugin() {
    this(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private CascadePlugin(
      Optional<DeleteStrategy> defaultStrategy,
      Optional<Supplier<String>> actorSupplier,
      Optional<Clock> clock,
      Optional<Optional<String>> journalTable) {
    this.defaultStrategy = defaultStrategy;
    this.actorSupplier = actorSupplier;
    this.clock = clock;
    this.journalTable = journalTable;
  }

  /** See {@link CascadeConfig#setDefaultStrategy}. */
  public CascadePlugin withDefaultStrategy(DeleteStrategy strategy) {
    return new CascadePlugin(Optional.of(Objects.requireNonNull(strategy, "strategy")), actorSupplier, clock, journalTable);
  }

  /** See {@link CascadeConfig#setActorSupplier}. */
  public CascadePlugin withActorSupplier(Supplier<String> actor) {
    return new CascadePlugin(defaultStrategy, Optional.of(Objects.requireNonNull(actor, "actor")), clock, journalTable);
  }

  /** See {@link CascadeConfig#setClock}. */
  public CascadePlugin withClock(Clock clock) {
    return new CascadePlugin(defaultStrategy, actorSupplier, Optional.of(Objects.requireNonNull(clock, "clock")), journalTable);
  }

  /** See {@link CascadeConfig#setJournalTable}; {@code null} turns the journal off. */
  public CascadePlugin withJournalTable(String table) {
    return new CascadePlugin(defaultStrategy, actorSupplier, clock, Optional.of(Optional.ofNullable(table)));
  }

  /** Plugins with the same settings (suppliers and clocks by identity) are one plugin. */
  @Override
  public boolean equals(Object other) {
    return other instanceof CascadePlugin that
        && defaultStrategy.equals(that.defaultStrategy)
        && actorSupplier.equals(that.actorSupplier)
        && clock.equals(that.clock)
        && journalTable.equals(that.journalTable);
  }

  @Override
  public int hashCode() {
    return Objects.hash(defaultStrategy, actorSupplier, clock, journalTable);
  }

  @Override
  public void customizeJdbi(Jdbi jdbi) {
    CascadeConfig config = jdbi.getConfig(CascadeConfig.class);
    defaultStrategy.ifPresent(config::setDefaultStrategy);
    actorSupplier.ifPresent(config::setActorSupplier);
    clock.ifPresent(config::setClock);
    journalTable.ifPresent(table -> config.setJournalTable(table.orElse(null)));
  }
}
