package dev.cascade.runtime;

import dev.cascade.runtime.internal.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares the foreign keys the database has that point at a table Cascade deletes from with the
 * relations the model names, and says what each difference would do and how to fix it:
 *
 * <ul>
 *   <li>a foreign key the model does not name: its rows block a delete, or, with an {@code ON
 *       DELETE CASCADE} or {@code SET NULL}, the database deletes or unlinks them behind Cascade,
 *       so that no trash table keeps them and no restore brings them back;
 *   <li>with trash tables, an {@code ON DELETE} action on a relation the model names: Cascade
 *       deletes and unlinks those rows itself, and the action deletes or unlinks, with no trash
 *       copy, a row that another transaction restores while a {@code TRASH} delete runs, where a
 *       plain foreign key would make the delete fail and change nothing (a newcomer's trial lost
 *       28 of 102 rows that way on PostgreSQL in 30 s of two instances deleting and restoring).
 * </ul>
 */
record ForeignKeyCheck(Tables tables, Dialect dialect, CascadeSchema schema) {

  List<String> problems(CascadeSchema.Table table, boolean withTrash) {
    List<String> problems = new ArrayList<>();
    for (Tables.Reference reference : tables.references(table.name())) {
      Optional<CascadeSchema.Table> named = named(reference);
      if (named.isEmpty()) {
        problems.add(unnamed(table, reference));
      } else if (withTrash && reference.acts()) {
        problems.add(acting(table, named.get(), reference));
      }
    }
    return problems;
  }

  /** The model's table whose foreign key this is, if the model names it. */
  private Optional<CascadeSchema.Table> named(Tables.Reference reference) {
    return schema.tables().stream()
        .filter(t -> t.name().equalsIgnoreCase(reference.table()))
        .filter(t -> t.namesForeignKey(reference.column()))
        .findFirst();
  }

  private static String unnamed(CascadeSchema.Table table, Tables.Reference reference) {
    String referencing = SchemaCheck.shown(reference.table());
    String rows = referencing + " rows";
    String consequence =
        switch (reference.action()) {
          case "CASCADE" -> ", so with its ON DELETE CASCADE the database deletes the " + rows + " of every "
              + table.name() + " row a PERMANENT or TRASH delete removes: no trash table keeps them, and no restore"
              + " brings them back";
          case "SET NULL", "SET DEFAULT" -> ", so with its ON DELETE " + reference.action() + " the database unlinks"
              + " the " + rows + " of every " + table.name() + " row a PERMANENT or TRASH delete removes, and no"
              + " restore links them again";
          default -> ", so a PERMANENT or TRASH delete of a " + table.name() + " row that " + rows
              + " point at fails, and a SOFT delete leaves them pointing at a hidden row, which a purge of it then"
              + " fails to remove, after the rows below it, in batches, are gone for good";
        };
    return "foreign key " + referencing + "." + SchemaCheck.shown(reference.column()) + " points at " + table.name()
        + ", but the model does not name it" + consequence + "; name the relation in the model (@HasMany on the"
        + " record of " + table.name() + ", @BelongsTo on the component of the record of " + referencing + ")";
  }

  private String acting(CascadeSchema.Table table, CascadeSchema.Table child, Tables.Reference reference) {
    String column = child.columns().stream()
        .filter(c -> child.namesForeignKey(c.name()) && c.name().equalsIgnoreCase(reference.column()))
        .findFirst()
        .orElseThrow()
        .name();
    String verb = reference.action().equals("CASCADE") ? "deletes" : "unlinks";
    return "foreign key " + child.name() + "." + column + " -> " + table.name() + " is ON DELETE "
        + reference.action() + ": Cascade deletes and unlinks these rows itself, and the action " + verb
        + " a row that another transaction restores while a TRASH delete of " + table.name() + " runs, with no"
        + " trash copy, where a plain foreign key would make that delete fail and change nothing; drop the action: "
        + plain(table, child.name(), column, reference);
  }

  /** The statements that make the foreign key a plain one, as they run on this database. */
  private String plain(CascadeSchema.Table table, String child, String column, Tables.Reference reference) {
    if (dialect == Dialect.SQLITE || reference.name() == null || reference.name().isEmpty()) {
      return "create " + child + " again with the foreign key but without ON DELETE (SQLite cannot change a"
          + " foreign key in place: see \"Making Other Kinds Of Table Schema Changes\" in its ALTER TABLE"
          + " documentation)";
    }
    String quote = dialect == Dialect.MYSQL ? "`" : "\"";
    String constraint = quote + reference.name() + quote;
    String alter = "ALTER TABLE " + schema.quote(child, dialect);
    String add = "ADD CONSTRAINT " + constraint + " FOREIGN KEY (" + schema.quote(column, dialect) + ") REFERENCES "
        + schema.quote(table.name(), dialect) + " (" + schema.quote(pointsAt(table, reference), dialect) + ")";
    return switch (dialect) {
      // MariaDB cannot drop a foreign key and add one of the same name in one statement.
      case MYSQL -> alter + " DROP FOREIGN KEY " + constraint + "; " + alter + " " + add;
      case H2 -> alter + " DROP CONSTRAINT " + constraint + "; " + alter + " " + add;
      default -> alter + " DROP CONSTRAINT " + constraint + ", " + add;
    };
  }

  /** The column the foreign key points at, as the model spells it where it names it. */
  private static String pointsAt(CascadeSchema.Table table, Tables.Reference reference) {
    return table.columns().stream()
        .map(CascadeSchema.Column::name)
        .filter(name -> name.equalsIgnoreCase(reference.pointsAt()))
        .findFirst()
        .orElse(reference.pointsAt().toLowerCase(Locale.ROOT));
  }
}
