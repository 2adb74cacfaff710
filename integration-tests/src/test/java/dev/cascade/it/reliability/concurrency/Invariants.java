package dev.cascade.it.reliability.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * What must hold after any mix of deletes and restores: no live row under a missing or
 * soft-deleted parent, and every row of the start in exactly one place (its table, live or
 * soft-deleted, or its trash table), none lost, none twice.
 */
final class Invariants {
  /** child, column, parent, and the child rows the relation covers. */
  private record Relation(String child, String column, String parent, String filter) {}

  private static final List<Relation> RELATIONS =
      List.of(
          new Relation("posts", "user_id", "users", "TRUE"),
          new Relation("comments", "post_id", "posts", "TRUE"),
          new Relation("comments", "user_id", "users", "TRUE"),
          new Relation("likes", "comment_id", "comments", "TRUE"),
          new Relation("likes", "user_id", "users", "TRUE"),
          new Relation("reactions", "subject_id", "posts", "subject_type = 'post'"),
          new Relation("reactions", "subject_id", "comments", "subject_type = 'comment'"));

  static final List<String> TABLES = List.of("users", "posts", "comments", "likes", "reactions");

  private Invariants() {}

  /** Every broken rule, described; empty when all hold. */
  static List<String> broken(Handle handle, Map<String, List<Long>> idsAtStart) {
    List<String> broken = new ArrayList<>();
    for (Relation r : RELATIONS) {
      List<Long> orphans =
          handle.createQuery(
                  "SELECT c.id FROM " + r.child() + " c WHERE c.deleted_at IS NULL AND (" + r.filter() + ")"
                      + " AND NOT EXISTS (SELECT 1 FROM " + r.parent() + " p WHERE p.id = c." + r.column()
                      + " AND p.deleted_at IS NULL) ORDER BY c.id")
              .mapTo(Long.class)
              .list();
      if (!orphans.isEmpty()) {
        broken.add("live " + r.child() + " " + orphans + " under a missing or deleted " + r.parent());
      }
    }
    for (String table : TABLES) {
      List<Long> places =
          handle.createQuery("SELECT id FROM " + table + " UNION ALL SELECT id FROM " + table + "_trash ORDER BY id")
              .mapTo(Long.class)
              .list();
      if (!places.equals(idsAtStart.get(table))) {
        List<Long> lost = new ArrayList<>(idsAtStart.get(table));
        lost.removeAll(places);
        List<Long> extra = new ArrayList<>(places);
        idsAtStart.get(table).forEach(extra::remove);
        broken.add(table + ": lost " + lost + ", twice or new " + extra);
      }
    }
    return broken;
  }

  /**
   * The rows a broken rule involves, as {@code "comments 20"}: each live row under a missing or
   * deleted parent, that parent, and their parents and grandparents (a comment's post's user).
   */
  static Set<String> involved(Handle handle) {
    Set<String> rows = new TreeSet<>();
    for (Relation r : RELATIONS) {
      handle.createQuery(
              "SELECT c.id, c." + r.column() + " FROM " + r.child() + " c WHERE c.deleted_at IS NULL AND (" + r.filter()
                  + ") AND NOT EXISTS (SELECT 1 FROM " + r.parent() + " p WHERE p.id = c." + r.column()
                  + " AND p.deleted_at IS NULL)")
          .map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2)))
          .forEach(orphan -> {
            rows.add(r.child() + " " + orphan.get(0));
            rows.add(r.parent() + " " + orphan.get(1));
          });
    }
    for (int level = 0; level < 2; level++) {
      for (String row : List.copyOf(rows)) {
        String table = row.substring(0, row.indexOf(' '));
        long id = Long.parseLong(row.substring(row.indexOf(' ') + 1));
        for (Relation r : RELATIONS) {
          if (r.child().equals(table) && r.filter().equals("TRUE")) {
            String parents = "SELECT " + r.column() + " FROM " + table + " WHERE id = :id UNION SELECT " + r.column()
                + " FROM " + table + "_trash WHERE id = :id";
            handle.createQuery(parents).bind("id", id).mapTo(Long.class).forEach(parent -> rows.add(r.parent() + " " + parent));
          }
        }
      }
    }
    return rows;
  }

  static long lost(Handle handle, Map<String, List<Long>> idsAtStart) {
    long lost = 0;
    for (String table : TABLES) {
      List<Long> places =
          handle.createQuery("SELECT id FROM " + table + " UNION SELECT id FROM " + table + "_trash")
              .mapTo(Long.class)
              .list();
      lost += idsAtStart.get(table).stream().filter(id -> !places.contains(id)).count();
    }
    return lost;
  }
}
