package dev.cascade.runtime;

import java.util.Locale;

/**
 * Names of the indexes Cascade writes: the table's and the column's, joined, and cut to a length
 * every database keeps (PostgreSQL keeps 63 bytes of a name and cuts the rest off, MariaDB refuses
 * more than 64 characters). A cut name ends with a hash of the whole one, so that two long names
 * with the same start stay apart.
 */
final class IndexNames {
  static final int LONGEST = 63;

  private IndexNames() {}

  static String of(String table, String column) {
    String name = table + "_" + column;
    if (name.length() <= LONGEST) {
      return name;
    }
    String hash = String.format(Locale.ROOT, "%08x", name.hashCode());
    return name.substring(0, LONGEST - hash.length() - 1) + "_" + hash;
  }
}
