package dev.cascade.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

  /** A soft-delete column with its type as the database has it, and as the check compares it. */
  private record SoftColumn(String table, String column, String type, String compared) {
    String name() {
      return table + "." + column;
    }

    /** The type without its precision: {@code timestamp with time zone} for {@code timestamp(0) with time zone}. */
    String family() {
      return compared.replaceAll("\\(\\d+\\)", "");
    }
  }

  /**
   * The mismatch, when the soft-delete columns of the schema's tables are not all of one type: the
   * columns that differ from the type most of them have (the root's, where two are as common),
   * with the statements that give them that type (newcomers' trials got all of a cascade's columns
   * listed, with no word of which one was off, nor how to change it).
   */
  private Optional<Mismatch> mismatch() {
    List<SoftColumn> columns = new ArrayList<>();
    for (CascadeSchema.Table table : schema.tables()) {
      if (table.trashTable().isEmpty() || table.softDeleteColumn().isEmpty()) {
        continue;
      }
      String column = table.softDeleteColumn().get();
      String type = database.of(table.name()).get(column.toLowerCase(Locale.ROOT));
      if (type != null) {
        String compared = database.dialect() == Dialect.SQLITE ? SqliteAffinity.of(type).name() : TrashTypeCheck.normal(type);
        columns.add(new SoftColumn(table.name(), column, type, compared));
      }
    }
    // The root first, and its descendants after it: the schema lists the tables children first.
    Collections.reverse(columns);
    Map<String, Long> counts = columns.stream().collect(Collectors.groupingBy(SoftColumn::compared, LinkedHashMap::new, Collectors.counting()));
    if (counts.size() < 2) {
      return wholeSeconds(columns);
    }
    long most = Collections.max(counts.values());
    SoftColumn model = columns.stream().filter(c -> counts.get(c.compared()) == most).findFirst().orElseThrow();
    List<SoftColumn> odd = columns.stream().filter(c -> !c.compared().equals(model.compared())).toList();
    List<String> others = columns.stream().filter(c -> c.compared().equals(model.compared())).map(SoftColumn::name).toList();
    boolean precisionOnly = odd.stream().allMatch(c -> c.family().equals(model.family()));
    String differing =
        odd.stream().map(c -> c.name() + " " + TrashTypeCheck.describe(database.dialect(), c.type())).collect(Collectors.joining(", "))
            + (odd.size() == 1 ? " is" : " are") + " not " + TrashTypeCheck.describe(database.dialect(), model.type())
            + ", as " + (others.size() == 1 ? "" : "the " + others.size() + " others, ") + String.join(", ", others)
            + (others.size() == 1 ? ", is" : ", are");
    String why =
        precisionOnly
            ? "keep times of different precision: " + differing + ". A soft delete writes one marker into each, of"
                + " its cascade's coarsest precision, so every delete that reaches a coarser column writes a coarser"
                + " marker into all of them, and deletes in the same second then take markers a second apart, ahead of"
                + " the clock under more than one such delete a second (README, Marker precision)"
            : "are of different types: " + differing + ". A soft delete writes one marker into each and its restore"
                + " matches a row's marker with its parent's, which needs one type (PostgreSQL compares them through a"
                + " cast, without an index, and H2 2.3 can fail)";
    return Optional.of(new Mismatch(columns.stream().map(SoftColumn::name).toList(),
        "the soft-delete columns of one cascade " + why + "; " + fix(odd, model.type())));
  }

  /**
   * The problem of a cascade whose soft-delete columns, all of one type, keep whole seconds
   * ({@code TIMESTAMP(0)}, MariaDB's plain {@code DATETIME}): each operation's marker must differ
   * from every other's, so under more than one delete a second the markers run ahead of the clock
   * (trial 25: 3.5 minutes after 200 soft deletes and restores in a second or so, 21 minutes after
   * 25 s of two application instances), and the journal's times and purge cutoffs with them.
   * SQLite keeps what the driver writes, milliseconds, whatever the declared type.
   */
  private Optional<Mismatch> wholeSeconds(List<SoftColumn> columns) {
    if (columns.isEmpty() || database.dialect() == Dialect.SQLITE || !keepsWholeSeconds(columns.get(0).compared())) {
      return Optional.empty();
    }
    String type = microseconds(columns.get(0).type());
    return Optional.of(new Mismatch(columns.stream().map(SoftColumn::name).toList(),
        "the soft-delete columns of one cascade keep whole seconds: "
            + columns.stream().map(SoftColumn::name).collect(Collectors.joining(", ")) + " ("
            + TrashTypeCheck.describe(database.dialect(), columns.get(0).type()) + "). Each soft delete's marker must"
            + " differ from every other operation's, so more than one delete a second writes markers ahead of the clock,"
            + " and the journal's times and purge cutoffs with them (README, Marker precision), unless they keep"
            + " microseconds; " + fix(columns, type) + " (then the trash tables' copies of them, which SchemaCheck"
            + " names with their statements)"));
  }

  /** {@code timestamp(0) with time zone}, MariaDB's {@code datetime}: a time of whole seconds. */
  private boolean keepsWholeSeconds(String compared) {
    return compared.contains("(0)")
        || (database.dialect() == Dialect.MYSQL && compared.matches("(datetime|timestamp)( .*)?"));
  }

  /** The same type with six digits of a second: {@code timestamp(6) with time zone}, {@code datetime(6)}. */
  private static String microseconds(String type) {
    return type.contains("(0)") ? type.replace("(0)", "(6)") : type.replaceFirst("(?i)^(datetime|timestamp)", "$1(6)");
  }

  /** How to give these columns the type: the statements, or on SQLite what to do instead. */
  private String fix(List<SoftColumn> odd, String type) {
    ColumnTypeChange change = new ColumnTypeChange(database, schema);
    if (database.dialect() == Dialect.SQLITE) {
      return "SQLite cannot change a column's type: recreate " + odd.stream().map(SoftColumn::table).collect(Collectors.joining(", "))
          + " with the column declared " + type + ", moving the rows aside and back";
    }
    return (odd.size() == 1 ? "change it: " : "change them: ")
        + odd.stream().map(c -> change.statement(c.table(), c.column(), type).orElseThrow()).collect(Collectors.joining("; "));
  }
}
