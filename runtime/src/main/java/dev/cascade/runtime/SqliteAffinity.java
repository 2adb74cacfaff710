package dev.cascade.runtime;

import java.util.Locale;

/**
 * The type affinity SQLite gives a declared column type, by the rules of its documentation
 * (section "Determination Of Column Affinity"). SQLite keeps a value by its column's affinity, not
 * by the declared name: two columns of the same affinity store any value the same way.
 */
enum SqliteAffinity {
  INTEGER,
  TEXT,
  BLOB,
  REAL,
  NUMERIC;

  static SqliteAffinity of(String declared) {
    String type = declared.toUpperCase(Locale.ROOT);
    if (type.contains("INT")) {
      return INTEGER;
    }
    if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
      return TEXT;
    }
    if (type.contains("BLOB") || type.isBlank()) {
      return BLOB;
    }
    if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
      return REAL;
    }
    return NUMERIC;
  }
}
