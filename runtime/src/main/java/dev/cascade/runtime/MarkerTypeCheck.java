package dev.cascade.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares the types of a cascade's soft-delete columns, as the database has them ({@link
 * DatabaseTypes}): one soft delete writes one marker into each, and its restore matches a row's
 * marker with its parent's, which needs them of one type. A newcomer's trial had a child's {@code
 * timestamp} under a parent's {@code timestamptz}: PostgreSQL then compared them through a cast, with
 * no index (a restore of 10,000 rows took 20 s, against 0.5 s), and H2 2.3 failed inside.
 */
record MarkerTypeCheck(DatabaseTypes database, CascadeSchema schema) {

  /** The problem, when the soft-delete columns of the schema's tables are not all of one type. */
  Optional<String> problem() {
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (CascadeSchema.Table table : schema.tables()) {
      if (table.trashTable().isEmpty() || table.softDeleteColumn().isEmpty()) {
        continue;
      }
      String column = table.softDeleteColumn().get();
      String type = database.of(table.name()).get(column.toLowerCase(Locale.ROOT));
      if (type != null) {
        columns.add(table.name() + "." + column + " " + TrashTypeCheck.describe(database.dialect(), type));
        types.add(database.dialect() == Dialect.SQLITE ? SqliteAffinity.of(type).name() : TrashTypeCheck.normal(type));
      }
    }
    if (types.stream().distinct().count() < 2) {
      return Optional.empty();
    }
    return Optional.of(
        "the soft-delete columns of one cascade are of different types (" + String.join(", ", columns) + "): a soft"
            + " delete writes one marker into each and its restore matches a row's marker with its parent's, which"
            + " needs one type (PostgreSQL compares them through a cast, without an index, and H2 2.3 can fail);"
            + " give them one type");
  }
}
