package dev.cascade.benchmarks;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.benchmarks.model.PostDeleter;
import dev.cascade.benchmarks.model.PostRestorer;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.testing.DatabaseKind;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * {@code destroyAll} of a long list of post ids (each post with a comment and a like), then the
 * restore of one of them by id (which reads whether the operation's other roots are still deleted),
 * then {@code restoreOperation} of the rest, {@code SOFT} and {@code TRASH}, on PostgreSQL and H2,
 * each in a fresh database: the path README's "Large id lists" describes. Prints each call's time.
 *
 * <pre>{@code java -cp $CP dev.cascade.benchmarks.LargeIdListRun 100000 [POSTGRESQL,H2]}</pre>
 */
public final class LargeIdListRun {
  private LargeIdListRun() {}

  public static void main(String[] args) {
    int ids = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    List<DatabaseKind> kinds =
        args.length > 1
            ? Arrays.stream(args[1].split(",")).map(DatabaseKind::valueOf).toList()
            : List.of(DatabaseKind.POSTGRESQL, DatabaseKind.H2);
    for (DatabaseKind kind : kinds) {
      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        run(kind, strategy, ids);
      }
    }
  }

  private static void run(DatabaseKind kind, DeleteStrategy strategy, int ids) {
    try (Database database = Database.create(kind);
        Handle handle = database.jdbi().open()) {
      ForumData data = new ForumData(handle, kind);
      data.create(new Shape(1, ids, 1, 1), ForeignKeys.NO_ACTION);
      List<Long> posts = handle.createQuery("SELECT id FROM posts ORDER BY id").mapTo(Long.class).list();

      long start = System.nanoTime();
      DeleteResult deleted = PostDeleter.destroyAll(handle, posts, DeleteOptions.defaults().withStrategy(strategy));
      double deleteMillis = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      PostRestorer.restore(handle, posts.get(posts.size() / 2));
      double oneMillis = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      int restored = PostRestorer.restoreOperation(handle, deleted.deletionId()).size();
      double restoreMillis = (System.nanoTime() - start) / 1e6;

      System.out.printf(
          "%-10s %-5s %,8d ids: destroyAll %,9.0f ms (%,d rows), restore of one %,9.0f ms, restoreOperation of the rest %,9.0f ms (%,d posts)%n",
          kind, strategy, ids, deleteMillis, deleted.totalRows(), oneMillis, restoreMillis, restored);
    }
  }
}
