package dev.cascade.runtime;

import java.util.Optional;

/**
 * The statement that gives a column another type, as each database spells it, for the checks that
 * say how to fix a type; none on SQLite, which cannot change a column's type.
 */
record ColumnTypeChange(DatabaseTypes database, CascadeSchema schema) {

  Optional<String> statement(String table, String column, String type) {
    String quotedTable = schema.quote(table, database.dialect());
    String name = schema.quote(column, database.dialect());
    return switch (database.dialect()) {
      case POSTGRESQL ->
          Optional.of("ALTER TABLE " + quotedTable + " ALTER COLUMN " + name + " TYPE " + type + " USING " + name + "::" + type);
      case H2 -> Optional.of("ALTER TABLE " + quotedTable + " ALTER COLUMN " + name + " SET DATA TYPE " + type);
      case MYSQL -> Optional.of("ALTER TABLE " + quotedTable + " MODIFY " + name + " " + database.nullable(type));
      case SQLITE -> Optional.empty();
    };
  }
}
