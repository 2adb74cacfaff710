package dev.cascade.processor.plan;

import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.read.WhereParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The tables a deleter touches, for the runtime's trash DDL and schema check. */
final class SchemaPlanner {
  private SchemaPlanner() {}

  /**
   * The cascade's tables children first, each with all its columns and trash table, then the
   * tables its {@code SET_NULL} and {@code RESTRICT} relations point into, with their foreign key.
   */
  static List<SchemaTable> plan(CascadeTree tree) {
    List<SchemaTable> tables = new ArrayList<>();
    List<ModelSpec> related = new ArrayList<>();
    for (ModelSpec table : tree.childrenFirst()) {
      List<Edge> parents = tree.parentsOf(table);
      Set<String> foreignKeys = parents.stream().map(e -> e.foreignKey().name()).collect(Collectors.toSet());
      List<SchemaTable.SchemaColumn> columns = new ArrayList<>();
      for (ColumnSpec column : table.columns()) {
        boolean foreignKey = foreignKeys.contains(column.name());
        SchemaTable.Role role =
            column.key()
                ? (foreignKey ? SchemaTable.Role.KEY_AND_FOREIGN_KEY : SchemaTable.Role.KEY)
                : foreignKey ? SchemaTable.Role.FOREIGN_KEY : SchemaTable.Role.PLAIN;
        List<String> filteredBy = role == SchemaTable.Role.FOREIGN_KEY ? filteredBy(parents, column) : List.of();
        columns.add(new SchemaTable.SchemaColumn(column.name(), column.type(), role, filteredBy));
      }
      TrashTable trash = TrashTable.of(table);
      tables.add(
          new SchemaTable(
              table.table(),
              columns,
              Optional.of(trash.name()),
              trash.timeColumn(),
              table.softDeleteColumn().map(ColumnSpec::name)));
      for (OnDelete kept : List.of(OnDelete.SET_NULL, OnDelete.RESTRICT)) {
        for (Edge edge : tree.edgesFrom(table, kept)) {
          if (!tree.contains(edge.child()) && !related.contains(edge.child())) {
            related.add(edge.child());
          }
        }
      }
    }
    for (ModelSpec table : related) {
      List<Edge> parents = tree.parentsOf(table).stream().filter(e -> tree.contains(e.parent())).toList();
      List<SchemaTable.SchemaColumn> foreignKeys =
          parents.stream()
              .map(Edge::foreignKey)
              .distinct()
              .map(c -> new SchemaTable.SchemaColumn(c.name(), c.type(), SchemaTable.Role.FOREIGN_KEY, filteredBy(parents, c)))
              .toList();
      tables.add(new SchemaTable(table.table(), foreignKeys, Optional.empty(), Protocol.DELETED_AT_COLUMN, Optional.empty()));
    }
    return tables;
  }

  /**
   * The columns the {@code where} of every relation through this foreign key names, as the
   * database names them; none when one of those relations has no {@code where}.
   */
  private static List<String> filteredBy(List<Edge> parents, ColumnSpec foreignKey) {
    Set<String> columns = new LinkedHashSet<>();
    for (Edge edge : parents) {
      if (!edge.foreignKey().name().equals(foreignKey.name())) {
        continue;
      }
      if (edge.where().isEmpty() || !(WhereParser.parse(edge.where().get()) instanceof WhereParser.Result.Parsed parsed)) {
        return List.of();
      }
      for (String column : parsed.condition().columns()) {
        columns.add(edge.child().column(column).map(ColumnSpec::name).orElse(column));
      }
    }
    return List.copyOf(columns);
  }
}
