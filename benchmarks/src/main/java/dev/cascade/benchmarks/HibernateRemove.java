package dev.cascade.benchmarks;

import dev.cascade.benchmarks.hibernate.HibernateForum;

/**
 * Hibernate's {@code CascadeType.REMOVE} ({@code session.remove(user)}), with plain entities or
 * with {@code @SoftDelete} ones.
 */
record HibernateRemove(boolean softDelete) implements Contender {
  @Override
  public String name() {
    return softDelete
        ? "Hibernate @SoftDelete + CascadeType.REMOVE (plain FKs)"
        : "Hibernate CascadeType.REMOVE (plain FKs)";
  }

  @Override
  public ForeignKeys foreignKeys() {
    return ForeignKeys.NO_ACTION;
  }

  @Override
  public Effect effect() {
    return Effect.DELETES;
  }

  @Override
  public boolean slow() {
    return true;
  }

  @Override
  public Operation open(Database database) {
    HibernateForum forum =
        softDelete ? HibernateForum.softDelete(database.url()) : HibernateForum.plain(database.url());
    return new Operation() {
      @Override
      public void run(long userId) {
        forum.removeUser(userId);
      }

      @Override
      public void close() {
        forum.close();
      }
    };
  }
}
