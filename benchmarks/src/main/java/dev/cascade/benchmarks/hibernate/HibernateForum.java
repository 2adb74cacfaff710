package dev.cascade.benchmarks.hibernate;

import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate 6 on the benchmark schema, configured as its guide recommends for bulk work: JDBC
 * batching of the deletes and batch fetching of the collections it walks. Removing a user
 * cascades with {@code CascadeType.REMOVE}: Hibernate loads every row of the tree and deletes (or,
 * with {@code @SoftDelete}, updates) each by id.
 */
public final class HibernateForum implements AutoCloseable {
  static {
    // Hibernate logs through JBoss Logging, which would fall back to java.util.logging on stderr.
    System.setProperty("org.jboss.logging.provider", "slf4j");
  }

  private static final List<Class<?>> PLAIN =
      List.of(UserEntity.class, PostEntity.class, CommentEntity.class, LikeEntity.class);
  private static final List<Class<?>> SOFT =
      List.of(SoftUserEntity.class, SoftPostEntity.class, SoftCommentEntity.class, SoftLikeEntity.class);

  private final SessionFactory sessions;
  private final Class<?> userType;

  private HibernateForum(String jdbcUrl, List<Class<?>> entities) {
    Configuration configuration = new Configuration();
    entities.forEach(configuration::addAnnotatedClass);
    configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, jdbcUrl);
    configuration.setProperty(AvailableSettings.POOL_SIZE, "1");
    configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "100");
    configuration.setProperty(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, "100");
    configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
    this.sessions = configuration.buildSessionFactory();
    this.userType = entities.get(0);
  }

  /** The entities mapped plainly: removal deletes rows. */
  public static HibernateForum plain(String jdbcUrl) {
    return new HibernateForum(jdbcUrl, PLAIN);
  }

  /** The entities mapped with {@code @SoftDelete}: removal sets their {@code deleted} flag. */
  public static HibernateForum softDelete(String jdbcUrl) {
    return new HibernateForum(jdbcUrl, SOFT);
  }

  /** Loads the user and removes it, and so its tree, in one transaction. */
  public void removeUser(long id) {
    try (Session session = sessions.openSession()) {
      Transaction transaction = session.beginTransaction();
      Object user = session.get(userType, id);
      if (user == null) {
        throw new IllegalStateException("no user " + id);
      }
      session.remove(user);
      transaction.commit();
    }
  }

  @Override
  public void close() {
    sessions.close();
  }
}
