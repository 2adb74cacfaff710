package dev.cascade.runtime;

import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** The databases Cascade runs on, told apart by the connection's product name. */
public enum Dialect {
  H2,
  POSTGRESQL,
  SQLITE,
  /** MySQL and MariaDB. */
  MYSQL;

  /** The dialect of the handle's database. */
  public static Dialect of(Handle handle) {
    if (handle == null) {
      throw new CascadeException("the handle is null");
    }
    if (handle.isClosed()) {
      throw new CascadeException("the handle is closed; open a new one");
    }
    String product;
    try {
      product = handle.getConnection().getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new CascadeException("cannot tell which database the handle is connected to", e);
    }
    return ofProductName(product);
  }

  static Dialect ofProductName(String product) {
    String name = product.toLowerCase(Locale.ROOT);
    if (name.equals("h2")) {
      return H2;
    }
    if (name.contains("postgres")) {
      return POSTGRESQL;
    }
    if (name.contains("sqlite")) {
      return SQLITE;
    }
    if (name.contains("mysql") || name.contains("mariadb")) {
      return MYSQL;
    }
    throw new CascadeException(
        "Cascade does not support " + product + ": it runs on H2, PostgreSQL, SQLite, MySQL and MariaDB");
  }
}
