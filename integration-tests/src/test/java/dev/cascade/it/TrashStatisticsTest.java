package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.StatementCounter;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A large {@code TRASH} delete on PostgreSQL analyzes the trash tables it filled whose statistics
 * had not seen that many rows, once it has committed: until then PostgreSQL takes a trash table it
 * last saw empty for one row, and a restore naming one of the operation's roots ran for minutes
 * (BENCHMARKS.md, {@code LargeIdListRun}). Inside the caller's transaction it does not, nor on the
 * other databases, which keep their statistics themselves or have none to refresh.
 */
class TrashStatisticsTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final int POSTS = 1_000;

  @AllDatabases
  void aLargeTrashAnalyzesTheTrashTablesItFilledOnPostgresqlOnceItCommits(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long user = withPosts(handle, POSTS);
      long small = withPosts(handle, 3);
      StatementCounter statements = StatementCounter.on(handle);

      DeleteResult deleted = UserDeleter.destroy(handle, user, TRASH);
      UserDeleter.destroy(handle, small, TRASH);

      assertThat(deleted.rowsByTable()).containsEntry("posts", (long) POSTS);
      List<String> analyzed = statements.statements().stream().filter(s -> s.startsWith("ANALYZE")).toList();
      if (db.kind() == DatabaseKind.POSTGRESQL) {
        assertThat(analyzed).as("posts_trash only: users_trash took one row, and the small delete few").containsExactly("ANALYZE posts_trash");
        assertThat(handle.select("SELECT reltuples FROM pg_class WHERE oid = to_regclass('posts_trash')").mapTo(Double.class).one())
            .isEqualTo((double) POSTS);
      } else {
        assertThat(analyzed).isEmpty();
      }

      // Once the statistics count as many rows as a delete moves, it leaves them.
      long again = withPosts(handle, POSTS);
      statements.reset();
      UserDeleter.destroy(handle, again, TRASH);
      assertThat(statements.statements()).filteredOn(s -> s.startsWith("ANALYZE")).isEmpty();
      assertThat(handle.select("SELECT COUNT(*) FROM posts_trash").mapTo(Long.class).one()).isEqualTo(2L * POSTS + 3);
    }
  }

  /** The same for a batched delete, once its last batch has committed, for the rows of all its batches. */
  @AllDatabases
  void aLargeBatchedTrashAnalyzesTheTrashTablesItFilledOnPostgresqlAfterItsLastBatch(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long user = withPosts(handle, POSTS);
      StatementCounter statements = StatementCounter.on(handle);

      BatchResult deleted =
          UserDeleter.destroyInBatches(handle, user, BatchOptions.defaults().withStrategy(DeleteStrategy.TRASH).withBatchSize(300));

      assertThat(deleted.batches()).isGreaterThan(4);
      assertThat(deleted.rowsByTable()).containsEntry("posts", (long) POSTS);
      List<String> executed = statements.statements();
      List<String> analyzed = executed.stream().filter(s -> s.startsWith("ANALYZE")).toList();
      if (db.kind() == DatabaseKind.POSTGRESQL) {
        assertThat(analyzed).containsExactly("ANALYZE posts_trash");
        assertThat(executed.get(executed.size() - 1)).as("after the last batch").isEqualTo("ANALYZE posts_trash");
      } else {
        assertThat(analyzed).isEmpty();
      }
    }
  }

  @AllDatabases
  void aLargeTrashInTheCallersTransactionLeavesTheStatisticsToTheCaller(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long user = withPosts(handle, POSTS);
      StatementCounter statements = StatementCounter.on(handle);

      handle.useTransaction(h -> UserDeleter.destroy(h, user, TRASH));

      assertThat(statements.statements()).filteredOn(s -> s.startsWith("ANALYZE")).isEmpty();
      assertThat(handle.select("SELECT COUNT(*) FROM posts_trash").mapTo(Long.class).one()).isEqualTo(POSTS);
    }
  }

  /** A user with this many posts, titled {@code post 0} on. */
  private static long withPosts(Handle handle, int posts) {
    long user = Forum.on(handle).user("writer");
    PreparedBatch batch = handle.prepareBatch("INSERT INTO posts (user_id, title) VALUES (:user, :title)");
    for (int i = 0; i < posts; i++) {
      batch.bind("user", user).bind("title", "post " + i).add();
    }
    batch.execute();
    return user;
  }
}
