package dev.cascade.it.forum;

import dev.cascade.testing.Snapshot;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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

  /**
   * @param liveOnly whether the delete walks only rows not soft-deleted yet, as a soft delete does:
   *     a row deleted earlier is left alone, and so are the rows below it
   */
  private ForumOracle(Snapshot before, Collection<Long> userIds, boolean liveOnly) {
    this.before = before;
    Predicate<Map<String, Object>> reachable = r -> !liveOnly || r.get("deleted_at") == null;
    this.users = ids(before, "users", r -> reachable.test(r) && userIds.contains(id(r)));
    this.posts = ids(before, "posts", r -> reachable.test(r) && users.contains(r.get("user_id")));
    this.comments =
        ids(
            before,
            "comments",
            r -> reachable.test(r) && (posts.contains(r.get("post_id")) || users.contains(r.get("user_id"))));
    this.likes =
        ids(
            before,
            "likes",
            r -> reachable.test(r) && (comments.contains(r.get("comment_id")) || users.contains(r.get("user_id"))));
    this.reactions =
        ids(
            before,
            "reactions",
            r ->
                reachable.test(r)
                    && (("post".equals(r.get("subject_type")) && posts.contains(r.get("subject_id")))
                        || ("comment".equals(r.get("subject_type")) && comments.contains(r.get("subject_id")))));
    this.sessions = ids(before, "sessions", r -> users.contains(r.get("user_id")));
  }

  /** Deleting these users, on the forum as the snapshot shows it. */
  public static ForumOracle deleting(Snapshot before, Collection<Long> userIds) {
    return new ForumOracle(before, userIds, false);
  }

  /** Soft-deleting these users: only rows not soft-deleted yet are reached. */
  public static ForumOracle softDeleting(Snapshot before, Collection<Long> userIds) {
    return new ForumOracle(before, userIds, true);
  }

  /**
   * The forum after a SOFT delete that wrote {@code marker}: every reached row marked with it,
   * every other row as it was (sessions keep their user: a soft delete unlinks nothing).
   */
  public Snapshot afterSoftDelete(Object marker) {
    return before
        .with("users", r -> users.contains(id(r)), "deleted_at", marker)
        .with("posts", r -> posts.contains(id(r)), "deleted_at", marker)
        .with("comments", r -> comments.contains(id(r)), "deleted_at", marker)
        .with("likes", r -> likes.contains(id(r)), "deleted_at", marker)
        .with("reactions", r -> reactions.contains(id(r)), "deleted_at", marker);
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

  private static Set<Long> ids(Snapshot snapshot, String table, Predicate<Map<String, Object>> which) {
    return snapshot.rows(table).stream().filter(which).map(ForumOracle::id).collect(Collectors.toSet());
  }

  private static long id(Map<String, Object> row) {
    return (Long) row.get("id");
  }
}
