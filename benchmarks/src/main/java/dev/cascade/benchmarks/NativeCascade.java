package dev.cascade.benchmarks;

/** The database's own {@code ON DELETE CASCADE}: one {@code DELETE} of the user. */
final class NativeCascade implements Contender {
  @Override
  public String name() {
    return "native ON DELETE CASCADE";
  }

  @Override
  public ForeignKeys foreignKeys() {
    return ForeignKeys.ON_DELETE_CASCADE;
  }

  @Override
  public Effect effect() {
    return Effect.DELETES;
  }

  @Override
  public Operation open(Database database) {
    return userId -> database.jdbi().useHandle(h -> h.execute("DELETE FROM users WHERE id = ?", userId));
  }
}
