package dev.cascade.it.reliability.concurrency;

import dev.cascade.it.forum.Forum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;

/**
 * Users whose trees overlap everywhere: every post is commented by several users, every comment
 * liked by several, reactions on posts and comments; so that concurrent deletes and restores of
 * different roots keep meeting on the same rows. Returns the ids of each table.
 */
final class OverlappingForum {
  private OverlappingForum() {}

  static Map<String, List<Long>> seed(Handle handle, int users, long seed) {
    Random random = new Random(seed);
    Forum forum = Forum.on(handle);
    Map<String, List<Long>> ids = new LinkedHashMap<>();
    Invariants.TABLES.forEach(t -> ids.put(t, new ArrayList<>()));
    for (int u = 0; u < users; u++) {
      ids.get("users").add(forum.user("user " + u));
    }
    for (long user : ids.get("users")) {
      for (int p = 0; p < 3; p++) {
        long post = forum.post(user, "post " + p + " of " + user);
        ids.get("posts").add(post);
        ids.get("reactions").add(forum.reaction("post", post, "+1"));
        for (int c = 0; c < 3; c++) {
          long comment = forum.comment(post, any(ids.get("users"), random), "comment " + c);
          ids.get("comments").add(comment);
          ids.get("likes").add(forum.like(comment, any(ids.get("users"), random)));
          ids.get("likes").add(forum.like(comment, any(ids.get("users"), random)));
          if (c == 0) {
            ids.get("reactions").add(forum.reaction("comment", comment, "heart"));
          }
        }
      }
    }
    ids.values().forEach(list -> list.sort(Long::compare));
    return ids;
  }

  static long any(List<Long> ids, Random random) {
    return ids.get(random.nextInt(ids.size()));
  }
}
