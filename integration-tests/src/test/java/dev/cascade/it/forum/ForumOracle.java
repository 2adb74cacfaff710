package dev.cascade.it.forum;

import dev.cascade.testing.Snapshot;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What deleting users must do to the forum, worked out in Java over the rows of a snapshot, with
 * none of the generated SQL: the reference the tests compare the database against.
 */
public final class ForumOracle {
  private final Snapshot before;
  private final Set<Long> users;
  private final Set<Long> posts;
  private final Set<Long> comments;
  private final Set<Long> likes;
  private final Set<Long> reactions;
  private final Set<Long> sessions;

  private ForumOracle(Snapshot before, Collection<Long> userIds) {
    this.before = before;
    this.users = before.rows("users").stream().map(r -> id(r)).filter(userIds::contains).collect(Collectors.toSet());
    this.posts = ids(before, "posts", r -> users.contains(r.get("user_id")));
    this.comments =
        ids(before, "comments", r -> posts.contains(r.get("post_id")) || users.contains(r.get("user_id")));
    this.likes =
        ids(before, "likes", r -> comments.contains(r.get("comment_id")) || users.contains(r.get("user_id")));
    this.reactions =
        ids(
            before,
            "reactions",
            r ->
                ("post".equals(r.get("subject_type")) && posts.contains(r.get("subject_id")))
                    || ("comment".equals(r.get("subject_type")) && comments.contains(r.get("subject_id"))));
    this.sessions = ids(before, "sessions", r -> users.contains(r.get("user_id")));
  }

  /** Deleting these users, on the forum as the snapshot shows it. */
  public static ForumOracle deleting(Snapshot before, Collection<Long> userIds) {
    return new ForumOracle(before, userIds);
  }

  /** The forum after a PERMANENT delete. */
  public Snapshot afterPermanentDelete() {
    return before
        .without("users", r -> users.contains(id(r)))
        .without("posts", r -> posts.contains(id(r)))
        .without("comments", r -> comments.contains(id(r)))
        .without("likes", r -> likes.contains(id(r)))
        .without("reactions", r -> reactions.contains(id(r)))
        .with("sessions", r -> sessions.contains(id(r)), "user_id", null);
  }

  /** Rows removed per table, as {@code DeleteResult.rowsByTable()} should say. */
  public Map<String, Long> rowsByTable() {
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("likes", (long) likes.size());
    rows.put("reactions", (long) reactions.size());
    rows.put("comments", (long) comments.size());
    rows.put("posts", (long) posts.size());
    rows.put("users", (long) users.size());
    return rows;
  }

  public long sessionsUnlinked() {
    return sessions.size();
  }

  public long invoicesBlocking() {
    return before.rows("invoices").stream().filter(r -> users.contains(r.get("user_id"))).count();
  }

  private static Set<Long> ids(
      Snapshot snapshot, String table, java.util.function.Predicate<Map<String, Object>> which) {
    return snapshot.rows(table).stream().filter(which).map(ForumOracle::id).collect(Collectors.toSet());
  }

  private static long id(Map<String, Object> row) {
    return (Long) row.get("id");
  }
}
