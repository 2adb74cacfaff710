package dev.cascade.it.reliability.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
