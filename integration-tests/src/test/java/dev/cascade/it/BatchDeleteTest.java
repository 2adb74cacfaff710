package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.albums.AlbumDeleter;
import dev.cascade.it.albums.AlbumRestorer;
import dev.cascade.it.albums.Albums;
import dev.cascade.it.drive.DriveDeleter;
import dev.cascade.it.drive.DriveRestorer;
import dev.cascade.it.drive.Drives;
import dev.cascade.it.drive.FolderDeleter;
import dev.cascade.it.drive.FolderRestorer;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.ForumOracle;
import dev.cascade.it.forum.Post;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.User;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteRestrictedException;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.NotDeletedException;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationNotRestorableException;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.Progress;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.RowCounts;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.StatementCounter;
import dev.cascade.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code destroyInBatches}: the same end as {@code destroy}, batch by batch, on every database. */
class BatchDeleteTest {
  private static final BatchOptions TWO = BatchOptions.defaults().withBatchSize(2);

  /** Alice's tree reaches every table of the cascade, with rows of others crossing it. */
  record Crossed(long alice, long bob) {}

  static Crossed crossedForum(Handle handle) {
    Forum forum = Forum.on(handle);
    long alice = forum.user("alice");
    long bob = forum.user("bob");
    for (int p = 0; p < 3; p++) {
      long post = forum.post(alice, "alice writes " + p);
      forum.reaction("post", post, "+1");
      for (int c = 0; c < 3; c++) {
        long comment = forum.comment(post, c == 0 ? alice : bob, "comment " + c);
        forum.like(comment, bob);
        forum.like(comment, alice);
        forum.reaction("comment", comment, "laugh");
      }
    }
    long bobPost = forum.post(bob, "bob writes");
    long aliceOnBob = forum.comment(bobPost, alice, "alice on bob");
    forum.like(aliceOnBob, bob);
    forum.comment(bobPost, bob, "bob on bob");
    forum.session(alice, "alice-phone");
    forum.session(bob, "bob-phone");
    return new Crossed(alice, bob);
  }

  private static Object marker(Handle handle, long user) {
    return handle.select("SELECT deleted_at FROM users WHERE id = ?", user).mapTo(Instant.class).one();
  }

  @AllDatabases
  void permanentInBatchesLeavesWhatDestroyLeaves(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Snapshot before = db.snapshot(Forum.TABLES);
      ForumOracle oracle = ForumOracle.deleting(before, List.of(forum.alice()));
      List<Progress> progress = new ArrayList<>();

      BatchResult result =
          UserDeleter.destroyInBatches(
              handle, forum.alice(), TWO.withStrategy(DeleteStrategy.PERMANENT).withProgress(progress::add));

      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(oracle.afterPermanentDelete());
      assertThat(result.strategy()).isEqualTo(DeleteStrategy.PERMANENT);
      assertThat(result.deletedCount()).isEqualTo(1);
      assertThat(result.rowsByTable()).containsExactlyEntriesOf(oracle.rowsByTable());
      assertThat(result.nullifiedByTable()).containsExactly(Map.entry("sessions", oracle.sessionsUnlinked()));
      assertThat(result.resumed()).isFalse();
      assertThat(progress).allSatisfy(p -> assertThat(p.rows()).isBetween(1L, 2L));
      assertThat(progress).hasSize((int) result.batches());
      assertThat(result.batches()).as("2 rows a batch").isGreaterThanOrEqualTo((oracle.rowsByTable().values().stream()
          .mapToLong(Long::longValue).sum() - 1) / 2 + 1);
      assertThat(progress.get(progress.size() - 1).totalRows())
          .isEqualTo(result.totalRows() + oracle.sessionsUnlinked());
      assertThat(progress.get(progress.size() - 1).table()).isEqualTo("users");
      Operation operation = Journal.find(handle, result.deletionId()).orElseThrow();
      assertThat(operation.state()).isEqualTo(OperationState.DELETED);
      assertThat(operation.rowsByTable()).isEqualTo(result.rowsByTable());
    }
  }

  /**
   * Batches run as many statements for a small tree as for a large one, as long as each statement's
   * rows fit in one batch: one batch that changes them and one that finds none. On PostgreSQL that
   * last batch also says whether it picked rows it could not change (rows another transaction
   * moved); a {@code COUNT} of what was left followed it once, another pass over the statement's
   * condition (BENCHMARKS.md).
   */
  @AllDatabases
  void batchesRunAFixedNumberOfStatementsWhateverTheRows(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long reader = forum.user("reader");
      long small = forum.tree("small", 1, 1, 1, reader, reader);
      long large = forum.tree("large", 10, 10, 9, reader, reader);
      BatchOptions oneBatch = BatchOptions.defaults().withStrategy(DeleteStrategy.PERMANENT).withBatchSize(10_000);

      StatementCounter counter = StatementCounter.on(handle);
      UserDeleter.destroyInBatches(handle, small, oneBatch);
      int forSmall = counter.count();
      counter.reset();
      UserDeleter.destroyInBatches(handle, large, oneBatch);

      assertThat(counter.count()).as("statements: %s", counter.statements()).isEqualTo(forSmall);
      // The journal's look-up of an unfinished operation and its row; the RESTRICT check (invoices);
      // 8 batched statements (likes x2, reactions x2, comments x2, posts, the SET_NULL of sessions):
      // the three that find rows take two batches and the journal's counts after the first, the
      // other five one batch each (14); the RESTRICT check again, the users, the journal's end (3).
      // On H2 a batch that changes rows first picks their ids: 3 more.
      assertThat(forSmall).as("statements: %s", counter.statements()).isEqualTo(db.kind() == DatabaseKind.H2 ? 23 : 20);
    }
  }

  /** As application tests run H2: in PostgreSQL's or MySQL's mode, names folded to lower case. */
  @ParameterizedTest
  @ValueSource(strings = {";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", ";MODE=MySQL;DATABASE_TO_LOWER=TRUE"})
  void onH2WithNamesInLowerCaseBatchesOfEveryStrategyRunAndComeBackExactly(String settings) {
    try (TestDatabase db = TestDatabase.h2With(settings)) {
      Forum.createWithTrash(db);
      try (Handle handle = db.jdbi().open()) {
        Crossed forum = crossedForum(handle);
        handle.execute("UPDATE sessions SET user_id = NULL");
        Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
        for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
          BatchResult result = UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(strategy));
          assertThat(result.batches()).as(strategy.name()).isGreaterThan(1);
          UserRestorer.restoreOperation(handle, result.deletionId());
          assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).as(strategy.name()).isEqualTo(before);
        }
        ForumOracle oracle = ForumOracle.deleting(db.snapshot(Forum.TABLES), List.of(forum.alice()));
        UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(DeleteStrategy.PERMANENT));
        assertThat(db.snapshot(Forum.TABLES)).isEqualTo(oracle.afterPermanentDelete());
      }
    }
  }

  @AllDatabases
  void softInBatchesMarksTheTreeWithOneMarkerAndRestoresExactly(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Snapshot before = db.snapshot(Forum.TABLES);
      ForumOracle oracle = ForumOracle.softDeleting(before, List.of(forum.alice()));

      BatchResult result = UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(DeleteStrategy.SOFT));

      Object marker = db.snapshot(Forum.TABLES).rows("users").stream()
          .filter(r -> r.get("id").equals(forum.alice())).findFirst().orElseThrow().get("deleted_at");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(oracle.afterSoftDelete(marker));
      assertThat(result.rowsByTable()).containsExactlyEntriesOf(oracle.rowsByTable());
      assertThat(Journal.find(handle, result.deletionId()).orElseThrow().deletedAt()).isEqualTo(marker(handle, forum.alice()));

      List<User> back = UserRestorer.restoreOperation(handle, result.deletionId());

      assertThat(back).containsExactly(new User(forum.alice(), "alice", null));
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
    }
  }

  @AllDatabases
  void trashInBatchesCopiesEveryRowOnceUnderOneDeletionIdAndRestoresExactly(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      handle.execute("UPDATE sessions SET user_id = NULL");
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      ForumOracle oracle = ForumOracle.deleting(db.snapshot(Forum.TABLES), List.of(forum.alice()));

      BatchResult result = UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(DeleteStrategy.TRASH));

      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(oracle.afterPermanentDelete());
      assertThat(result.rowsByTable()).containsExactlyEntriesOf(oracle.rowsByTable());
      Snapshot trash = db.snapshot(Forum.TABLES_WITH_TRASH);
      for (Map.Entry<String, Long> table : oracle.rowsByTable().entrySet()) {
        List<Map<String, Object>> rows = trash.rows(table.getKey() + "_trash");
        assertThat(rows).as(table.getKey()).hasSize(table.getValue().intValue());
        assertThat(rows).allSatisfy(row -> assertThat(row.get("deletion_id")).isEqualTo(result.deletionId()));
        assertThat(rows.stream().map(r -> r.get("id")).distinct()).as("each row once").hasSize(rows.size());
      }

      UserRestorer.restore(handle, forum.alice());

      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  @AllDatabases
  void aTreeGoesLeavesFirstAndComesBackWhole(TestDatabase db) {
    Drives.create(db);
    try (Handle handle = db.jdbi().open()) {
      long drive = Drives.drive(handle, "work");
      long top = Drives.chain(handle, drive, null, 6, "a");
      long middle = handle.select("SELECT id FROM folders WHERE name = 'a-1'").mapTo(Long.class).one();
      Drives.chain(handle, drive, middle, 3, "beside");
      Drives.chain(handle, drive, null, 3, "b");
      Snapshot before = db.snapshot(Drives.TABLES);
      Set<Long> gone = Drives.subtree(before, Set.of(middle));
      Snapshot expected = before
          .without("folders", r -> gone.contains((Long) r.get("id")))
          .without("documents", r -> gone.contains((Long) r.get("folder_id")));

      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        BatchResult result = FolderDeleter.destroyInBatches(handle, middle, TWO.withStrategy(strategy));
        assertThat(result.rowsByTable()).as("%s", strategy)
            .containsExactly(Map.entry("documents", (long) gone.size()), Map.entry("folders", (long) gone.size()));
        FolderRestorer.restore(handle, middle);
        assertThat(db.snapshot(Drives.TABLES)).as("%s, restored", strategy).isEqualTo(before);
      }
      FolderDeleter.destroyInBatches(handle, middle, BatchOptions.defaults().withBatchSize(1));
      assertThat(db.snapshot(Drives.TABLES)).isEqualTo(expected);
      assertThat(top).isNotEqualTo(middle);
    }
  }

  @AllDatabases
  void aTreeBelowItsRootGoesLeavesFirstToo(TestDatabase db) {
    Drives.create(db);
    try (Handle handle = db.jdbi().open()) {
      long work = Drives.drive(handle, "work");
      Drives.chain(handle, work, null, 5, "a");
      long top = Drives.chain(handle, work, null, 3, "b");
      Drives.chain(handle, work, top, 4, "c");
      long home = Drives.drive(handle, "home");
      Drives.chain(handle, home, null, 3, "h");
      Snapshot before = db.snapshot(Drives.TABLES);

      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        DriveDeleter.destroyInBatches(handle, work, TWO.withStrategy(strategy));
        DriveRestorer.restore(handle, work);
        assertThat(db.snapshot(Drives.TABLES)).as("%s, restored", strategy).isEqualTo(before);
      }
      BatchResult result = DriveDeleter.destroyInBatches(handle, work, TWO.withStrategy(DeleteStrategy.PERMANENT));

      assertThat(result.rowsByTable()).containsEntry("drives", 1L);
      assertThat(db.snapshot(Drives.TABLES).rows("drives")).hasSize(1);
      assertThat(db.snapshot(Drives.TABLES).rows("folders")).allSatisfy(r -> assertThat(r.get("drive_id")).isEqualTo(home));
    }
  }

  /**
   * H2 runs an {@code IN} over a recursive query again for every row it looks at, so a batch that
   * picked its rows that way grew with the square of the tree (a newcomer's trial: 97-247 s to trash
   * 20,002 rows in batches, 0.3 s in one transaction). No statement of a batched delete of a drive,
   * whose folders are a tree, may read one so on H2.
   */
  @Test
  void onH2NoBatchReadsARecursiveQueryThroughIn() {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
      Drives.create(db);
      try (Handle handle = db.jdbi().open()) {
        long work = Drives.drive(handle, "work");
        long top = Drives.chain(handle, work, null, 3, "b");
        Drives.chain(handle, work, top, 4, "c");
        List<String> statements = new ArrayList<>();
        handle.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
          @Override
          public void logBeforeExecution(StatementContext context) {
            statements.add(context.getRenderedSql());
          }
        });

        for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH, DeleteStrategy.PERMANENT)) {
          DriveDeleter.destroyInBatches(handle, work, TWO.withStrategy(strategy));
          if (strategy != DeleteStrategy.PERMANENT) {
            DriveRestorer.restore(handle, work);
          }
        }

        assertThat(statements).anySatisfy(sql -> assertThat(sql).contains("WITH RECURSIVE"));
        for (String sql : statements) {
          assertThat(inSubqueries(sql)).as(sql).noneSatisfy(in -> assertThat(in).contains("WITH RECURSIVE"));
        }
      }
    }
  }

  /** The text inside each {@code IN (...)} of a statement, parentheses balanced. */
  private static List<String> inSubqueries(String sql) {
    List<String> inside = new ArrayList<>();
    for (int at = sql.indexOf(" IN ("); at >= 0; at = sql.indexOf(" IN (", at + 1)) {
      int start = at + " IN (".length();
      int depth = 1;
      int end = start;
      for (; end < sql.length() && depth > 0; end++) {
        depth += sql.charAt(end) == '(' ? 1 : sql.charAt(end) == ')' ? -1 : 0;
      }
      inside.add(sql.substring(start, end - 1));
    }
    return inside;
  }

  @AllDatabases
  void aTableWithoutAKeyGoesInBatchesAndComesBackWhole(TestDatabase db) {
    Albums.create(db);
    try (Handle handle = db.jdbi().open()) {
      long summer = Albums.album(handle, "summer", 3, 3);
      Albums.album(handle, "winter", 2, 2);
      Snapshot before = db.snapshot(Albums.TABLES);

      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        BatchResult result = AlbumDeleter.destroyInBatches(handle, summer, TWO.withStrategy(strategy));
        assertThat(result.rowsByTable()).as("%s", strategy)
            .containsExactly(Map.entry("photo_tags", 9L), Map.entry("photos", 3L), Map.entry("albums", 1L));
        AlbumRestorer.restore(handle, summer);
        assertThat(db.snapshot(Albums.TABLES)).as("%s, restored", strategy).isEqualTo(before);
      }
      AlbumDeleter.destroyInBatches(handle, summer, TWO.withStrategy(DeleteStrategy.PERMANENT));

      assertThat(db.snapshot(Albums.TABLES).counts())
          .containsEntry("albums", 1).containsEntry("photos", 2).containsEntry("photo_tags", 4);
    }
  }

  @AllDatabases
  void theJournalSaysDeletingFromTheFirstBatchToTheLast(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      List<OperationState> states = new ArrayList<>();

      BatchResult result =
          UserDeleter.destroyInBatches(
              handle, forum.alice(),
              TWO.withStrategy(DeleteStrategy.SOFT)
                  .withProgress(p -> states.add(Journal.recent(handle, 1).get(0).state())));

      assertThat(states).hasSizeGreaterThan(2);
      assertThat(states.subList(0, states.size() - 1)).containsOnly(OperationState.DELETING);
      assertThat(states.get(states.size() - 1)).isEqualTo(OperationState.DELETED);
      assertThat(Journal.recent(handle, 1).get(0).deletionId()).isEqualTo(result.deletionId());
    }
  }

  @AllDatabases
  void listenersHearOnceForTheRootWhateverTheBatches(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      AtomicInteger deleting = new AtomicInteger();
      List<Map<String, Long>> deleted = new ArrayList<>();
      handle.getConfig(CascadeConfig.class)
          .onDeleting(User.class, (user, event) -> deleting.incrementAndGet())
          .onDeleted(User.class, (user, event) -> deleted.add(event.operationRowsByTable()));

      BatchResult result = UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(DeleteStrategy.TRASH));

      assertThat(deleting).hasValue(1);
      assertThat(deleted).containsExactly(result.rowsByTable());
    }
  }

  @AllDatabases
  void aRestrictedDeleteChangesNothing(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Forum.on(handle).invoice(forum.alice(), 1200);
      Snapshot before = db.snapshot(Forum.TABLES);

      assertThatThrownBy(() -> UserDeleter.destroyInBatches(handle, forum.alice(), TWO))
          .isInstanceOf(DeleteRestrictedException.class);

      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
      assertThat(Journal.recent(handle, 10)).isEmpty();
    }
  }

  @AllDatabases
  void badInputIsAClearErrorAndChangesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      handle.begin();
      assertThatThrownBy(() -> UserDeleter.destroyInBatches(handle, forum.alice(), TWO))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("destroyInBatches of users " + forum.alice())
          .hasMessageContaining("not in a transaction")
          .hasMessageContaining("commit or roll it back first (or use destroy, which joins the caller's transaction). In"
              + " Spring, call it from a method that runs outside a transaction (not @Transactional, or"
              + " Propagation.NOT_SUPPORTED); a connection whose auto-commit is off is always in one");
      handle.rollback();
      assertThatThrownBy(() -> BatchOptions.defaults().withBatchSize(0))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("batch size must be at least 1")
          .hasMessageContaining("not 0");
      assertThatThrownBy(() -> BatchOptions.defaults().withBatchSize(-5)).isInstanceOf(CascadeException.class);
      assertThatThrownBy(() -> BatchOptions.defaults().withProgress(null)).isInstanceOf(CascadeException.class);
      assertThatThrownBy(() -> UserDeleter.destroyInBatches(handle, forum.alice(), null))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("BatchOptions.defaults()");
      handle.getConfig(CascadeConfig.class).setJournalTable(null);
      assertThatThrownBy(() -> UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(DeleteStrategy.SOFT)))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("needs the operations journal");

      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  @AllDatabases
  void withTheJournalOffPermanentBatchesStillRun(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      Snapshot before = db.snapshot(Forum.TABLES);
      handle.getConfig(CascadeConfig.class).setJournalTable(null);

      UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(DeleteStrategy.PERMANENT));

      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(ForumOracle.deleting(before, List.of(forum.alice())).afterPermanentDelete());
    }
  }

  @AllDatabases
  void anUnfinishedOperationCannotBeRestoredAndAnotherStrategyCannotFinishIt(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      RuntimeException stop = new IllegalStateException("stop");
      AtomicInteger batches = new AtomicInteger();
      assertThatThrownBy(() ->
              UserDeleter.destroyInBatches(
                  handle, forum.alice(),
                  TWO.withStrategy(DeleteStrategy.SOFT).withProgress(p -> {
                    if (batches.incrementAndGet() == 3) {
                      throw stop;
                    }
                  })))
          .isSameAs(stop);
      Operation unfinished = Journal.recent(handle, 1).get(0);
      assertThat(unfinished.state()).isEqualTo(OperationState.DELETING);
      Snapshot stopped = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> UserRestorer.restoreOperation(handle, unfinished.deletionId()))
          .isInstanceOfSatisfying(OperationNotRestorableException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationNotRestorableException.Reason.UNFINISHED));
      assertThatThrownBy(() -> UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(DeleteStrategy.TRASH)))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("a batched SOFT delete of it")
          .hasMessageContaining(unfinished.deletionId());
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(stopped);

      BatchResult finished = UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(DeleteStrategy.SOFT));

      assertThat(finished.resumed()).isTrue();
      assertThat(finished.deletionId()).isEqualTo(unfinished.deletionId());
      assertThat(marker(handle, forum.alice())).isEqualTo(unfinished.deletedAt());
    }
  }

  /**
   * Rows a batched delete removed before it stopped cannot come back until it finishes: a
   * newcomer's trial restored a trashed post by id meanwhile, the finishing call took it again under
   * the same operation, and the result counted it twice. Restore by id and preview say why,
   * restoreAll leaves them out; the root's restore says to finish the delete; once finished, the
   * counts are a plain delete's and the restore brings back everything.
   */
  @AllDatabases
  void rowsAnUnfinishedSoftBatchRemovedComeBackOnlyOnceItFinishes(TestDatabase db) {
    rowsAnUnfinishedBatchRemovedComeBackOnlyOnceItFinishes(db, DeleteStrategy.SOFT);
  }

  @AllDatabases
  void rowsAnUnfinishedTrashBatchRemovedComeBackOnlyOnceItFinishes(TestDatabase db) {
    rowsAnUnfinishedBatchRemovedComeBackOnlyOnceItFinishes(db, DeleteStrategy.TRASH);
  }

  private static void rowsAnUnfinishedBatchRemovedComeBackOnlyOnceItFinishes(TestDatabase db, DeleteStrategy strategy) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = crossedForum(handle);
      long bobsPost = Forum.on(handle).post(forum.bob(), "bob, on his own");
      if (strategy == DeleteStrategy.TRASH) {
        handle.execute("UPDATE sessions SET user_id = NULL"); // a trash restore leaves SET_NULL links cleared
      }
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      Map<String, Long> planned =
          RowCounts.nonZero(UserDeleter.preview(handle, forum.alice(), DeleteOptions.defaults().withStrategy(strategy)).rowsByTable());
      PostDeleter.destroy(handle, bobsPost, DeleteOptions.defaults().withStrategy(strategy));
      RuntimeException stop = new IllegalStateException("stop");
      assertThatThrownBy(() ->
              UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(strategy).withProgress(p -> {
                if (p.table().equals("posts")) {
                  throw stop;
                }
              })))
          .isSameAs(stop);
      Operation unfinished = Journal.recent(handle, 1).get(0);
      long post =
          handle.select(strategy == DeleteStrategy.SOFT
                  ? "SELECT MIN(id) FROM posts WHERE deleted_at IS NOT NULL AND user_id = ?"
                  : "SELECT MIN(id) FROM posts_trash WHERE user_id = ?", forum.alice())
              .mapTo(Long.class)
              .one();
      assertThat(PostRestorer.restoreAll(handle)).as("restoreAll: only the post deleted on its own")
          .extracting(Post::id)
          .containsExactly(bobsPost);
      Snapshot stopped = db.snapshot(Forum.TABLES_WITH_TRASH);
      List<String> heard = new ArrayList<>();
      handle.getConfig(CascadeConfig.class)
          .onRestoring(Post.class, (p, event) -> heard.add("restoring " + p.title()))
          .onRestoring(User.class, (u, event) -> heard.add("restoring " + u.name()));

      String unfinishedSays = "it is a batched delete of users [" + forum.alice() + "] that has not finished";
      assertThatThrownBy(() -> PostRestorer.restore(handle, post))
          .isInstanceOfSatisfying(OperationNotRestorableException.class, e -> {
            assertThat(e.reason()).isEqualTo(OperationNotRestorableException.Reason.UNFINISHED);
            assertThat(e.deletionId()).isEqualTo(unfinished.deletionId());
          })
          .hasMessageContaining(unfinishedSays)
          .hasMessageContaining("call destroyInBatches for users [" + forum.alice() + "] again to finish it");
      assertThat(PostRestorer.restoreAll(handle)).as("restoreAll leaves them out").isEmpty();
      assertThat(PostRestorer.preview(handle, post).blockedBy())
          .get()
          .satisfies(e -> assertThat(e).isInstanceOf(OperationNotRestorableException.class).hasMessageContaining(unfinishedSays));
      assertThatThrownBy(() -> UserRestorer.restore(handle, forum.alice()))
          .isInstanceOf(NotDeletedException.class)
          .hasMessageContaining(
              "cannot restore users " + forum.alice() + ": it is not deleted yet: its batched delete (operation "
                  + unfinished.deletionId())
          .hasMessageContaining("call destroyInBatches for it again to finish it, then restore it");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(stopped);
      assertThat(heard).as("listeners of restores refused").isEmpty();

      BatchResult finished = UserDeleter.destroyInBatches(handle, forum.alice(), TWO.withStrategy(strategy));

      assertThat(finished.resumed()).isTrue();
      assertThat(RowCounts.nonZero(finished.rowsByTable())).isEqualTo(planned);
      assertThat(RowCounts.nonZero(Journal.find(handle, unfinished.deletionId()).orElseThrow().rowsByTable())).isEqualTo(planned);
      UserRestorer.restore(handle, forum.alice());
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }
}
