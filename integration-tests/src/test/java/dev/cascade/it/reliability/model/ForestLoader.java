package dev.cascade.it.reliability.model;

import dev.cascade.it.forum.Forum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Empties the forum tables and their trash tables, inserts a {@link Forest} with plain SQL, and
 * returns the model of what it inserted, with the ids the database gave.
 */
final class ForestLoader {
  private static final List<String> CHILDREN_FIRST =
      List.of(
          "likes_trash", "reactions_trash", "comments_trash", "posts_trash", "users_trash",
          "likes", "reactions", "comments", "posts", "invoices", "sessions", "users");

  private final Handle handle;
  private final Forum forum;
  private final ForumState state = new ForumState();
  private int texts;

  private ForestLoader(Handle handle) {
    this.handle = handle;
    this.forum = Forum.on(handle);
  }

  static ForumState load(Handle handle, Forest forest) {
    return new ForestLoader(handle).insert(forest);
  }

  private ForumState insert(Forest forest) {
    CHILDREN_FIRST.forEach(table -> handle.execute("DELETE FROM " + table));
    List<Long> users = new ArrayList<>();
    for (int i = 0; i < forest.users(); i++) {
      String name = text("u");
      users.add(add("users", forum.user(name), Map.of("name", name)));
    }
    List<Long> posts = new ArrayList<>();
    for (int author : forest.posts()) {
      String title = text("p");
      long user = pick(users, author);
      posts.add(add("posts", forum.post(user, title), Map.of("user_id", user, "title", title)));
    }
    List<Long> comments = new ArrayList<>();
    if (!posts.isEmpty()) {
      for (Forest.Pair pair : forest.comments()) {
        String body = text("c");
        long post = pick(posts, pair.first());
        long user = pick(users, pair.second());
        comments.add(add("comments", forum.comment(post, user, body), Map.of("post_id", post, "user_id", user, "body", body)));
      }
    }
    if (!comments.isEmpty()) {
      for (Forest.Pair pair : forest.likes()) {
        long comment = pick(comments, pair.first());
        long user = pick(users, pair.second());
        add("likes", forum.like(comment, user), Map.of("comment_id", comment, "user_id", user));
      }
    }
    for (int subject : forest.reactions()) {
      List<Long> subjects = subject % 2 == 0 ? posts : comments;
      if (!subjects.isEmpty()) {
        String type = subject % 2 == 0 ? "post" : "comment";
        long id = pick(subjects, subject / 2);
        String emoji = text("e");
        add("reactions", forum.reaction(type, id, emoji), Map.of("subject_type", type, "subject_id", id, "emoji", emoji));
      }
    }
    for (int owner : forest.invoices()) {
      long user = pick(users, owner);
      add("invoices", forum.invoice(user, 100L * (owner + 1)), Map.of("user_id", user, "amount_cents", 100L * (owner + 1)));
    }
    for (int owner : forest.sessions()) {
      long user = pick(users, owner);
      String token = text("t");
      add("sessions", forum.session(user, token), Map.of("user_id", user, "token", token));
    }
    return state;
  }

  private long add(String table, long id, Map<String, Object> values) {
    Map<String, Object> row = new HashMap<>(values);
    row.put("id", id);
    if (ForumShape.DELETABLE.contains(table)) {
      row.put("deleted_at", null);
    }
    state.rows(table).add(row);
    return id;
  }

  private String text(String prefix) {
    return prefix + ++texts;
  }

  private static long pick(List<Long> ids, int position) {
    return ids.get(Math.floorMod(position, ids.size()));
  }
}
