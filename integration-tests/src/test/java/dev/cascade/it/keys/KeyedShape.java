package dev.cascade.it.keys;

import dev.cascade.annotations.OnDelete;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model's tables and relations, written out by hand from its records and DDL: all that {@link
 * CascadeOracle} knows of the schema. Nothing here comes from generated code.
 *
 * @param keys each table's key column
 * @param tables the live tables, parents first
 * @param trashed the tables a delete can reach, which have a trash table and a {@code deleted_at}
 * @param relations every foreign key
 */
public record KeyedShape(Map<String, String> keys, List<String> tables, List<String> trashed, List<Relation> relations) {

  /** {@code child.column} points at the key of {@code parent}. */
  public record Relation(String child, String column, String parent, OnDelete onDelete) {}

  public String key(String table) {
    return keys.get(table);
  }

  public List<String> trashTables() {
    return trashed.stream().map(t -> t + "_trash").toList();
  }

  /** The live tables, then the trash tables. */
  public List<String> tablesWithTrash() {
    List<String> all = new ArrayList<>(tables);
    all.addAll(trashTables());
    return all;
  }
}
