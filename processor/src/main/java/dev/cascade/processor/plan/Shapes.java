package dev.cascade.processor.plan;

import dev.cascade.processor.graph.Edge;
import dev.cascade.processor.model.ModelSpec;
import java.util.Map;
import java.util.Optional;

/**
 * The statements that change the rows of a {@link Link}, in their portable form ({@code UPDATE ...
 * WHERE fk IN (...)}) and, where H2 needs it, as a {@code MERGE}: H2 runs a {@code MERGE}'s source
 * once, but an {@code IN} over a recursive query once per row it looks at, and compares a row
 * value with {@code IN} several times slower than it joins on it.
 */
final class Shapes {
  private Shapes() {}

  /** {@code UPDATE posts SET deleted_at = :deletedAt WHERE ...}. */
  static StatementText update(Reach reach, Link link, String assignments) {
    return withMerge(reach, link, update(reach, link.table(), link.condition(), assignments), "UPDATE SET " + assignments);
  }

  /** {@code UPDATE posts SET user_id = NULL WHERE ...}, as every database runs it. */
  static SqlText update(Reach reach, ModelSpec table, Condition condition, String assignments) {
    return SqlText.builder()
        .text("UPDATE " + reach.from(table) + " SET " + assignments + " WHERE ")
        .append(condition.sql())
        .build();
  }

  /** {@code DELETE FROM posts WHERE ...}. */
  static StatementText delete(Reach reach, Link link) {
    SqlText portable =
        SqlText.builder().text("DELETE FROM " + reach.from(link.table()) + " WHERE ").append(link.condition().sql()).build();
    return withMerge(reach, link, portable, "DELETE");
  }

  /** {@code SELECT COUNT(*) FROM posts WHERE ...}. */
  static SqlText count(Reach reach, ModelSpec table, Condition condition) {
    return SqlText.builder().text("SELECT COUNT(*) FROM " + reach.from(table) + " WHERE ").append(condition.sql()).build();
  }

  /**
   * {@code FROM posts WHERE ...}, or {@code FROM (parent keys) AS cascade_keys JOIN posts ON ...}
   * where a recursive query is involved; columns are then qualified by the table's name.
   */
  static SqlText fromLink(Reach reach, Link link) {
    Optional<Join> join = link.join().filter(j -> link.recursive());
    if (join.isEmpty()) {
      return SqlText.builder().text(" FROM " + reach.from(link.table()) + " WHERE ").append(link.condition().sql()).build();
    }
    SqlText.Builder sql = SqlText.builder().append(join.get().from(reach.from(link.table())));
    join.get().filter().ifPresent(f -> sql.text(" WHERE ").append(f.sql()));
    return sql.build();
  }

  /**
   * Whether H2 gets a {@code MERGE}: a recursive query is involved, rows match their parent's
   * marker, or the rows are found through the table itself (a relation to itself, a key's latest
   * trash copy). H2 runs an {@code UPDATE} or {@code DELETE} whose {@code IN} reads the table it
   * changes once per row it looks at, as each change makes it read the table again.
   */
  private static boolean mergeOnH2(Reach reach, Link link) {
    boolean readsItself = link.edge().map(Edge::isSelf).orElse(reach.source() == Source.TRASHED);
    return link.join().isPresent() && (link.recursive() || reach.source().marked() || readsItself);
  }

  private static StatementText withMerge(Reach reach, Link link, SqlText portable, String action) {
    if (!mergeOnH2(reach, link)) {
      return StatementText.portable(portable);
    }
    Join join = link.join().orElseThrow();
    SqlText.Builder merge =
        SqlText.builder()
            .text("MERGE INTO " + reach.from(link.table()) + " USING (")
            .append(join.source())
            .text(") AS " + Join.ALIAS + " ON ")
            .append(join.on())
            .text(" WHEN MATCHED");
    join.filter().ifPresent(f -> merge.text(" AND ").append(f.sql()));
    merge.text(" THEN " + action);
    return new StatementText(portable, Map.of(Dialect.H2, merge.build()));
  }
}
