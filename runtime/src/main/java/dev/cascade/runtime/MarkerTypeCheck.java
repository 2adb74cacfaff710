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

  /** A cascade's soft-delete columns of more than one type, and the sentence that says so. */
  record Mismatch(List<String> columns, String problem) {
    /** Whether another cascade's mismatch names every column this one does (a deleter below another's root). */
    boolean within(Mismatch other) {
      return other != this && other.columns.containsAll(columns)
          && (other.columns.size() > columns.size() || other.problem.compareTo(problem) < 0);
    }
  }

  /**
   * The problems of several cascades, each once: a cascade whose mismatched columns another one
   * names too (a task's deleter below an account's) is left out, where each listed its own subset
   * (a newcomer's trial with three deleters of one schema).
   */
  static List<String> problems(DatabaseTypes database, List<CascadeSchema> schemas) {
    List<Mismatch> found = new ArrayList<>();
    for (CascadeSchema schema : schemas) {
      new MarkerTypeCheck(database, schema).mismatch().ifPresent(found::add);
    }
    return found.stream()
        .filter(m -> found.stream().noneMatch(m::within))
        .map(Mismatch::problem)
        .distinct()
        .toList();
  }

  /** The mismatch, when the soft-delete columns of the schema's tables are not all of one type. */
  private Optional<Mismatch> mismatch() {
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
    return Optional.of(new Mismatch(columns,
        "the soft-delete columns of one cascade are of different types (" + String.join(", ", columns) + "): a soft"
            + " delete writes one marker into each and its restore matches a row's marker with its parent's, which"
            + " needs one type (PostgreSQL compares them through a cast, without an index, and H2 2.3 can fail);"
            + " give them one type"));
  }
}
