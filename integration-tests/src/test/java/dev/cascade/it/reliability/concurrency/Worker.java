package dev.cascade.it.reliability.concurrency;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.CommentDeleter;
import dev.cascade.it.forum.CommentRestorer;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.DeleteOptions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;

/**
 * One thread's work until the deadline: random SOFT and TRASH deletes and restores of users, posts
 * and comments, and now and then a restoreAll, each tallied. PERMANENT is left out so that every
 * row can be accounted for at the end.
 */
final class Worker implements Runnable {
  private static final List<String> ROOTS = List.of("users", "posts", "comments");

  private final Handle handle;
  private final Map<String, List<Long>> ids;
  private final Random random;
  private final long deadline;
  private final Tally tally;
  private final History history;
  private final int number;

  Worker(Handle handle, Map<String, List<Long>> ids, long seed, long deadline, Tally tally, History history, int number) {
    this.handle = handle;
    this.ids = ids;
    this.random = new Random(seed);
    this.deadline = deadline;
    this.tally = tally;
    this.history = history;
    this.number = number;
  }

  @Override
  public void run() {
    while (System.nanoTime() < deadline) {
      String table = ROOTS.get(random.nextInt(ROOTS.size()));
      long id = OverlappingForum.any(ids.get(table), random);
      int dice = random.nextInt(100);
      String action =
          dice < 3 ? "restoreAll" : dice < 50 ? (random.nextBoolean() ? "SOFT" : "TRASH") + " delete" : "restore";
      long start = history.now();
      String outcome = "done";
      try {
        step(table, id, action);
        tally.succeeded();
      } catch (RuntimeException e) {
        tally.failed(e);
        String message = String.valueOf(e.getMessage());
        outcome = e.getClass().getSimpleName() + " " + message.substring(0, Math.min(160, message.length()));
      }
      history.add(new History.Entry(start, history.now(), number, action, table, action.equals("restoreAll") ? -1 : id, outcome));
    }
  }

  private void step(String table, long id, String action) {
    if (action.equals("restoreAll")) {
      restoreAll(table);
    } else if (action.endsWith("delete")) {
      DeleteOptions options =
          DeleteOptions.defaults().withStrategy(action.startsWith("SOFT") ? DeleteStrategy.SOFT : DeleteStrategy.TRASH);
      switch (table) {
        case "users" -> UserDeleter.destroy(handle, id, options);
        case "posts" -> PostDeleter.destroy(handle, id, options);
        default -> CommentDeleter.destroy(handle, id, options);
      }
    } else {
      switch (table) {
        case "users" -> UserRestorer.restore(handle, id);
        case "posts" -> PostRestorer.restore(handle, id);
        default -> CommentRestorer.restore(handle, id);
      }
    }
  }

  private void restoreAll(String table) {
    switch (table) {
      case "users" -> UserRestorer.restoreAll(handle);
      case "posts" -> PostRestorer.restoreAll(handle);
      default -> CommentRestorer.restoreAll(handle);
    }
  }
}
