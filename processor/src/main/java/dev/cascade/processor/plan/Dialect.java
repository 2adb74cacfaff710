package dev.cascade.processor.plan;

/**
 * The databases Cascade writes SQL for. Generated code holds one constant per statement, and a
 * second one only for a statement whose text differs on some database; the runtime picks by the
 * connection.
 */
public enum Dialect {
  H2,
  POSTGRESQL,
  SQLITE,
  /** MySQL and MariaDB. */
  MYSQL;

  /** Whether this dialect reserves the word, so that it must be quoted as a name. */
  public boolean reserves(String identifier) {
    return ReservedWords.isReserved(this, identifier);
  }
}
