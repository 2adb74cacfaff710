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
    String version;
    try {
      var metaData = handle.getConnection().getMetaData();
      product = metaData.getDatabaseProductName();
      // Every call reads the dialect; only H2's version is checked, so only H2's is read.
      version = ofProductName(product) == H2 ? metaData.getDatabaseProductVersion() : "";
    } catch (SQLException e) {
      throw new CascadeException("cannot tell which database the handle is connected to", e);
    }
    return of(product, version);
  }

  /**
   * The dialect of a database by its product name and version; H2 before 2.3.230 is refused: it
   * answers a recursive query inside a subquery wrongly (H2 2.2.224, which Spring Boot 3.2 and 3.3
   * bring, counted none of the rows a tree's {@code RESTRICT} check had to find, so a delete it
   * should have refused went through; with the ids written as literals it ran out of memory; found
   * by a newcomer's trial). 2.1.214 does the same.
   */
  static Dialect of(String product, String version) {
    Dialect dialect = ofProductName(product);
    if (dialect == H2 && !atLeast(version, 2, 3, 230)) {
      throw new CascadeException(
          "H2 " + version + " answers some of Cascade's queries wrongly (a recursive query inside a subquery finds no"
              + " rows), so a delete could skip a RESTRICT check or leave rows behind; use H2 2.3.230 or later (with"
              + " Spring Boot, set the property h2.version to 2.3.232)");
    }
    return dialect;
  }

  /** Whether a version such as {@code 2.2.224 (2023-09-17)} is this one or later. */
  private static boolean atLeast(String version, int... wanted) {
    String[] parts = version.trim().split("[^0-9]+", wanted.length + 1);
    for (int i = 0; i < wanted.length; i++) {
      int part;
      try {
        part = i < parts.length ? Integer.parseInt(parts[i]) : 0;
      } catch (NumberFormatException e) {
        return true; // a version H2 writes differently is a later one
      }
      if (part != wanted[i]) {
        return part > wanted[i];
      }
    }
    return true;
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
