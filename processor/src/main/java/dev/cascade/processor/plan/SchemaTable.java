package dev.cascade.processor.plan;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * A table a deleter touches, as the runtime's schema helpers need it: every column of the
 * cascade's tables (their trash tables copy them all), only the foreign key of a table a relation
 * unlinks or is blocked by.
 *
 * @param trashTable for a table of the cascade, its trash table; empty for the others
 * @param trashTimeColumn the trash table's column for when a row was trashed
 * @param softDeleteColumn for a table of the cascade, its soft-delete column, when it has one
 */
public record SchemaTable(
    String name,
    List<SchemaColumn> columns,
    Optional<String> trashTable,
    String trashTimeColumn,
    Optional<String> softDeleteColumn) {

  public SchemaTable {
    columns = List.copyOf(columns);
  }

  /**
   * One column and its Java type; the runtime maps the type to SQL per dialect.
   *
   * @param filteredBy for a foreign key whose every relation has a {@code where}, the columns they
   *     name: an index that starts with them serves it too
   */
  public record SchemaColumn(String name, TypeName type, Role role, List<String> filteredBy) {
    public SchemaColumn {
      filteredBy = List.copyOf(filteredBy);
    }
  }

  /** What a column is to Cascade. */
  public enum Role {
    KEY,
    /** The key, and a relation's foreign key too: a JOINED subclass's table, a {@code @MapsId} one-to-one. */
    KEY_AND_FOREIGN_KEY,
    FOREIGN_KEY,
    PLAIN
  }
}
