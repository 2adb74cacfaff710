package dev.cascade.it.reliability.model;

import dev.cascade.it.reliability.ForumFlavour;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Empties the forum tables, their trash tables and the journal, inserts a {@link Forest} with plain SQL, and
 * returns the model of what it inserted, with the ids the database gave (or the flavour made).
 */
final class ForestLoader {
  private static final List<String> CHILDREN_FIRST =
      List.of(
          "likes_trash", "reactions_trash", "comments_trash", "posts_trash", "users_trash",
          "likes", "reactions", "comments", "posts", "invoices", "sessions", "users");

  private final Handle handle;
  private final ForumFlavour flavour;
  private final ForumState state = new ForumState();
  private int texts;

  private ForestLoader(Handle handle, ForumFlavour flavour) {
    this.handle = handle;
    this.flavour = flavour;
  }

  static ForumState load(Handle handle, ForumFlavour flavour, Forest forest) {
    return new ForestLoader(handle, flavour).insert(forest);
  }

  private ForumState insert(Forest forest) {
    CHILDREN_FIRST.forEach(table -> handle.execute("DELETE FROM " + flavour.table(table)));
    handle.execute("DELETE FROM " + ForumShape.JOURNAL);
    flavour.restartKeys(handle);
    List<Object> users = new ArrayList<>();
    for (int i = 0; i < forest.users(); i++) {
      users.add(add("users", Map.of("name", text("u"))));
    }
    List<Object> posts = new ArrayList<>();
    for (int author : forest.posts()) {
      posts.add(add("posts", Map.of("user_id", pick(users, author), "title", text("p"))));
    }
    List<Object> comments = new ArrayList<>();
    if (!posts.isEmpty()) {
      for (Forest.Pair pair : forest.comments()) {
        comments.add(add("comments", Map.of("post_id", pick(posts, pair.first()), "user_id", pick(users, pair.second()), "body", text("c"))));
      }
    }
    if (!comments.isEmpty()) {
      for (Forest.Pair pair : forest.likes()) {
        add("likes", Map.of("comment_id", pick(comments, pair.first()), "user_id", pick(users, pair.second())));
      }
    }
    for (int subject : forest.reactions()) {
      List<Object> subjects = subject % 2 == 0 ? posts : comments;
      if (!subjects.isEmpty()) {
        String type = subject % 2 == 0 ? "post" : "comment";
        add("reactions", Map.of("subject_type", type, "subject_id", pick(subjects, subject / 2), "emoji", text("e")));
      }
    }
    for (int owner : forest.invoices()) {
      add("invoices", Map.of("user_id", pick(users, owner), "amount_cents", 100L * (owner + 1)));
    }
    for (int owner : forest.sessions()) {
      add("sessions", Map.of("user_id", pick(users, owner), "token", text("t")));
    }
    return state;
  }

  /** Inserts the row, in the database and in the model; its id. */
  private Object add(String table, Map<String, Object> values) {
    Object id = flavour.insert(handle, table, flavour.newKey(table, state.rows(table).size()), values);
    Map<String, Object> row = state.identify(new HashMap<>(values));
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

  private static Object pick(List<Object> ids, int position) {
    return ids.get(Math.floorMod(position, ids.size()));
  }
}
