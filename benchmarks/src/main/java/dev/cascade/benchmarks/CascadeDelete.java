package dev.cascade.benchmarks;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.benchmarks.model.UserDeleter;
import dev.cascade.runtime.DeleteOptions;

/** Cascade's generated {@code UserDeleter.destroy} with one strategy. */
record CascadeDelete(DeleteStrategy strategy, ForeignKeys foreignKeys) implements Contender {
  @Override
  public String name() {
    return "Cascade " + strategy + " (" + foreignKeys.label() + ")";
  }

  @Override
  public Effect effect() {
    return Effect.DELETES;
  }

  @Override
  public Operation open(Database database) {
    DeleteOptions options = DeleteOptions.defaults().withStrategy(strategy);
    return userId -> database.jdbi().useHandle(h -> UserDeleter.destroy(h, userId, options));
  }
}
