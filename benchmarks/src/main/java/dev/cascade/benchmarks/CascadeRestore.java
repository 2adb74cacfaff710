package dev.cascade.benchmarks;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.benchmarks.model.UserDeleter;
import dev.cascade.benchmarks.model.UserRestorer;
import dev.cascade.runtime.DeleteOptions;

/** Cascade's generated {@code UserRestorer.restore}, after an untimed delete with {@code strategy}. */
record CascadeRestore(DeleteStrategy strategy, ForeignKeys foreignKeys) implements Contender {
  @Override
  public String name() {
    return "Cascade restore after " + strategy + " (" + foreignKeys.label() + ")";
  }

  @Override
  public Effect effect() {
    return Effect.RESTORES;
  }

  @Override
  public Operation open(Database database) {
    DeleteOptions options = DeleteOptions.defaults().withStrategy(strategy);
    return new Operation() {
      @Override
      public void prepare(long userId) {
        database.jdbi().useHandle(h -> UserDeleter.destroy(h, userId, options));
      }

      @Override
      public void run(long userId) {
        database.jdbi().useHandle(h -> UserRestorer.restore(h, userId));
      }
    };
  }
}
