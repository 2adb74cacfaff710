package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Forum;
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
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationNotRestorableException;
import dev.cascade.runtime.OperationNotRestorableException.Reason;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The operations journal: one row per delete, kept up to date by restores, on every database. */
class JournalTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final DeleteOptions PERMANENT = DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT);

  /** A user with a post, a comment on it by another user, and a like. */
  private static long author(Handle handle, String name, long reader) {
    Forum forum = Forum.on(handle);
    long user = forum.user(name);
    long post = forum.post(user, name + " writes");
    long comment = forum.comment(post, reader, reader + " on " + name);
    forum.like(comment, user);
    return user;
  }

  private static Instant time(Handle handle, String sql, long id) {
    return handle.createQuery(sql).bind("id", id).mapTo(Instant.class).one();
  }

  @AllDatabases
  void everyDeleteWritesOneJournalRowSayingWhoWhatWhenAndWhy(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long reader = Forum.on(handle).user("reader");
      long soft = author(handle, "soft", reader);
      long trash = author(handle, "trash", reader);
      long gone = author(handle, "gone", reader);
      handle.getConfig(CascadeConfig.class).setActorSupplier(() -> "cron@example.com");

      DeleteResult softly = UserDeleter.destroy(handle, soft, SOFT.withActor("alice@example.com").withReason("asked"));
      DeleteResult trashed = UserDeleter.destroy(handle, trash, TRASH.withReason("GDPR request 4711"));
      DeleteResult permanently = UserDeleter.destroy(handle, gone, PERMANENT);

      Operation first = Journal.find(handle, softly.deletionId()).orElseThrow();
      assertThat(first.table()).isEqualTo("users");
      assertThat(first.ids()).containsExactly(String.valueOf(soft));
      assertThat(first.strategy()).isEqualTo(DeleteStrategy.SOFT);
      assertThat(first.actor()).hasValue("alice@example.com");
      assertThat(first.reason()).hasValue("asked");
      assertThat(first.rowsByTable()).isEqualTo(softly.rowsByTable());
      assertThat(first.totalRows()).isEqualTo(softly.totalRows());
      assertThat(first.state()).isEqualTo(OperationState.DELETED);
      assertThat(first.restoredAt()).isEmpty();
      assertThat(first.deletedAt()).isEqualTo(time(handle, "SELECT deleted_at FROM users WHERE id = :id", soft));

      Operation second = Journal.find(handle, trashed.deletionId()).orElseThrow();
      assertThat(second.actor()).as("the supplier's, the options naming none").hasValue("cron@example.com");
      assertThat(second.reason()).hasValue("GDPR request 4711");
      assertThat(second.rowsByTable()).isEqualTo(trashed.rowsByTable());
      assertThat(second.deletedAt()).isEqualTo(time(handle, "SELECT trashed_at FROM users_trash WHERE id = :id", trash));

      assertThat(Journal.find(handle, permanently.deletionId()).orElseThrow().strategy()).isEqualTo(DeleteStrategy.PERMANENT);
      assertThat(Journal.recent(handle, 10))
          .extracting(Operation::deletionId)
          .containsExactly(permanently.deletionId(), trashed.deletionId(), softly.deletionId());
      assertThat(Journal.recent(handle, 1)).hasSize(1);
      assertThat(Journal.find(handle, "no-such-operation")).isEmpty();
    }
  }

  /**
   * A batched delete records who and why as {@code destroy} does (trial 25 found no way to give the
   * reason of the largest deletes, those an auditor asks about); without them, the supplier's actor.
   */
  @AllDatabases
  void aBatchedDeleteRecordsItsActorAndReason(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long reader = Forum.on(handle).user("reader");
      long closed = author(handle, "closed", reader);
      long other = author(handle, "other", reader);
      handle.getConfig(CascadeConfig.class).setActorSupplier(() -> "cron@example.com");
      BatchOptions trash = BatchOptions.defaults().withStrategy(DeleteStrategy.TRASH).withBatchSize(1);

      BatchResult told = UserDeleter.destroyInBatches(handle, closed, trash.withActor("ops@example.com").withReason("tenant closed"));
      BatchResult untold = UserDeleter.destroyInBatches(handle, other, trash);

      Operation first = Journal.find(handle, told.deletionId()).orElseThrow();
      assertThat(first.actor()).hasValue("ops@example.com");
      assertThat(first.reason()).hasValue("tenant closed");
      assertThat(first.state()).isEqualTo(OperationState.DELETED);
      Operation second = Journal.find(handle, untold.deletionId()).orElseThrow();
      assertThat(second.actor()).hasValue("cron@example.com");
      assertThat(second.reason()).isEmpty();
    }
  }

  @AllDatabases
  void aDeleteThatFailsLeavesNoJournalRow(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long payer = Forum.on(handle).user("payer");
      Forum.on(handle).invoice(payer, 100);

      assertThatThrownBy(() -> UserDeleter.destroy(handle, payer, TRASH)).isInstanceOf(CascadeException.class);

      assertThat(Journal.recent(handle, 10)).isEmpty();
    }
  }

  @AllDatabases
  void aDeleteThatRemovedNothingLeavesNoJournalRow(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long reader = Forum.on(handle).user("reader");
      long soft = author(handle, "soft", reader);
      DeleteResult kept = UserDeleter.destroy(handle, soft, SOFT);

      DeleteResult missing = UserDeleter.destroy(handle, 999_999L, TRASH);
      DeleteResult again = UserDeleter.destroy(handle, soft, SOFT);
      BatchResult batched =
          UserDeleter.destroyInBatches(handle, 999_998L, BatchOptions.defaults().withStrategy(DeleteStrategy.TRASH));

      assertThat(List.of(missing.deletedCount(), again.deletedCount(), batched.deletedCount())).containsOnly(0L);
      assertThat(Journal.recent(handle, 10))
          .as("only the delete that removed rows")
          .extracting(Operation::deletionId)
          .containsExactly(kept.deletionId());
      refused(db, () -> UserRestorer.restoreOperation(handle, again.deletionId()), Reason.UNKNOWN,
          "has no operation " + again.deletionId() + " (a delete that removed nothing, deletedCount() 0, records none");
    }
  }

  @AllDatabases
  void anOperationIsRestoredOnceEveryRootItDeletedIsBack(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long reader = Forum.on(handle).user("reader");
      for (DeleteOptions options : List.of(SOFT, TRASH)) {
        long a = author(handle, "a", reader);
        long b = author(handle, "b", reader);
        DeleteResult both = UserDeleter.destroyAll(handle, List.of(a, b), options);

        UserRestorer.restore(handle, a);
        assertThat(Journal.find(handle, both.deletionId()).orElseThrow().state()).isEqualTo(OperationState.DELETED);

        Instant before = Instant.now().minusSeconds(1);
        UserRestorer.restore(handle, b);
        Operation restored = Journal.find(handle, both.deletionId()).orElseThrow();
        assertThat(restored.state()).isEqualTo(OperationState.RESTORED);
        assertThat(restored.restoredAt()).hasValueSatisfying(t -> assertThat(t).isAfter(before));
      }
    }
  }

  @AllDatabases
  void restoreOperationBringsBackExactlyThatOperation(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long reader = Forum.on(handle).user("reader");
      for (DeleteOptions options : List.of(SOFT, TRASH)) {
        long earlier = author(handle, "earlier", reader);
        long a = author(handle, "a", reader);
        long b = author(handle, "b", reader);
        UserDeleter.destroy(handle, earlier, options);
        Snapshot before = db.snapshot(Forum.TABLES);
        DeleteResult both = UserDeleter.destroyAll(handle, List.of(a, b), options);
        UserDeleter.destroy(handle, reader, SOFT.withReason("after"));
        UserRestorer.restore(handle, reader);

        List<User> back = UserRestorer.restoreOperation(handle, both.deletionId());

        assertThat(back).extracting(User::id).containsExactlyInAnyOrder(a, b);
        assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
        assertThat(Journal.find(handle, both.deletionId()).orElseThrow().state()).isEqualTo(OperationState.RESTORED);
      }
    }
  }

  @AllDatabases
  void restoreOperationSaysPreciselyWhyItCannotAndChangesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long reader = Forum.on(handle).user("reader");
      String permanent = UserDeleter.destroy(handle, author(handle, "p", reader), PERMANENT).deletionId();
      long r = author(handle, "r", reader);
      String restored = UserDeleter.destroy(handle, r, SOFT).deletionId();
      UserRestorer.restore(handle, r);
      String users = UserDeleter.destroy(handle, author(handle, "u", reader), TRASH).deletionId();

      refused(db, () -> UserRestorer.restoreOperation(handle, "no-such-operation"), Reason.UNKNOWN, "has no operation");
      refused(db, () -> UserRestorer.restoreOperation(handle, permanent), Reason.PERMANENT, "PERMANENTLY");
      refused(db, () -> UserRestorer.restoreOperation(handle, restored), Reason.RESTORED, "it was restored");
      refused(db, () -> PostRestorer.restoreOperation(handle, users), Reason.OTHER_TABLE, "restorer of users");
    }
  }

  @AllDatabases
  void anOperationWhoseRootIdWasTakenAndTrashedSinceNamesTheOperationThatHoldsItNow(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = Forum.on(handle).user("alice");
      long bob = Forum.on(handle).user("bob");
      long post = Forum.on(handle).post(alice, "first");
      String first = PostDeleter.destroy(handle, post, TRASH).deletionId();
      handle.execute("INSERT INTO posts (id, user_id, title) VALUES (?, ?, ?)", post, bob, "takes its id");
      String second = UserDeleter.destroy(handle, bob, TRASH).deletionId();

      refused(db, () -> PostRestorer.restoreOperation(handle, first), Reason.CHANGED, "posts " + post + " by operation " + second);

      UserRestorer.restoreOperation(handle, second);
      List<Post> back = PostRestorer.restoreOperation(handle, first);
      assertThat(back).singleElement().satisfies(p -> {
        assertThat(p.title()).isEqualTo("first");
        assertThat(p.id()).as("re-keyed: bob's post holds the id").isNotEqualTo(post);
      });
      assertThat(handle.select("SELECT title FROM posts WHERE id = ?", post).mapTo(String.class).one()).isEqualTo("takes its id");
    }
  }

  /**
   * A post soft-deleted on its own, then trashed along with its user: undoing the post's delete
   * first names the user's trash, which holds the post now, and says to undo that first (it said
   * "restored or deleted again since", newcomer trial 12). In that order both come back.
   */
  @AllDatabases
  void aSoftDeleteWhoseRowsALaterTrashTookAlongNamesThatTrash(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = Forum.on(handle).user("alice");
      long post = Forum.on(handle).post(alice, "first");
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      String soft = PostDeleter.destroy(handle, post, SOFT).deletionId();
      String trash = UserDeleter.destroy(handle, alice, TRASH).deletionId();

      refused(db, () -> PostRestorer.restoreOperation(handle, soft), Reason.CHANGED,
          "they are in the trash since, taken along by a later operation (posts " + post + " by operation " + trash
              + ", such as a parent's trash): restore that operation first");

      UserRestorer.restoreOperation(handle, trash);
      PostRestorer.restoreOperation(handle, soft);
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  private static void refused(TestDatabase db, ThrowingCallable call, Reason reason, String says) {
    Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(OperationNotRestorableException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(says);
    assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
  }

  @AllDatabases
  void aMissingJournalFailsTheDeleteSayingHowToCreateItAndChangesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long user = author(handle, "a", Forum.on(handle).user("reader"));
      handle.execute("DROP TABLE cascade_operations");
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> UserDeleter.destroy(handle, user, SOFT))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("the operations journal table cascade_operations does not exist")
          .hasMessageContaining("Journal.ddl(Dialect.of(handle))")
          .hasMessageContaining("CascadeConfig.setJournalTable(null)");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  /** Reading a journal that does not exist says how to create it, where the driver's words came through. */
  @AllDatabases
  void readingAMissingJournalSaysHowToCreateIt(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      handle.execute("DROP TABLE cascade_operations");

      assertThatThrownBy(() -> Journal.recent(handle, 5))
          .isInstanceOf(CascadeException.class)
          .hasMessageStartingWith(
              "reading the latest operations failed: the operations journal table cascade_operations does not exist;"
                  + " create it with Journal.ddl(Dialect.of(handle))");
      assertThatThrownBy(() -> Journal.find(handle, "d-1"))
          .isInstanceOf(CascadeException.class)
          .hasMessageStartingWith("reading operation d-1 failed: the operations journal table cascade_operations does not exist");
    }
  }

  /** The advice names the journal's configured table: following it makes the delete run (a newcomer's trial). */
  @AllDatabases
  void aMissingJournalUnderAnotherNameIsCreatedAsTheFailureSays(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long user = author(handle, "a", Forum.on(handle).user("reader"));
      handle.getConfig(CascadeConfig.class).setJournalTable("ops_log");

      assertThatThrownBy(() -> UserDeleter.destroy(handle, user, SOFT))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("the operations journal table ops_log does not exist")
          .hasMessageContaining("create it with Journal.ddl(Dialect.of(handle), \"ops_log\")");
      assertThat(SchemaCheck.problems(handle, true, UserDeleter.schema()))
          .containsExactly(
              "the operations journal ops_log does not exist, so every delete would fail; create it with"
                  + " Journal.ddl(Dialect.of(handle), \"ops_log\") (TrashTables.ddl includes it), or turn the journal"
                  + " off with CascadeConfig.setJournalTable(null)");

      Journal.ddl(Dialect.of(handle), "ops_log").forEach(handle::execute);

      assertThat(UserDeleter.destroy(handle, user, SOFT).rowsByTable()).containsEntry("users", 1L);
      assertThat(handle.createQuery("SELECT COUNT(*) FROM ops_log").mapTo(Long.class).one()).isEqualTo(1L);
    }
  }

  @AllDatabases
  void withTheJournalOffDeletesAndRestoresNeedNoTable(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long user = author(handle, "a", Forum.on(handle).user("reader"));
      handle.execute("DROP TABLE cascade_operations");
      handle.getConfig(CascadeConfig.class).setJournalTable(null);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      DeleteResult result = UserDeleter.destroy(handle, user, TRASH);
      UserRestorer.restore(handle, user);

      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
      assertThatThrownBy(() -> UserRestorer.restoreOperation(handle, result.deletionId()))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("restoreOperation reads the operations journal, which is off");
    }
  }

  /**
   * Two application instances (two runtimes that share nothing but the database) whose clocks
   * read the very same instant soft-delete rows that overlap: the journal's unique marker gives
   * the second operation the next microsecond, so each restore brings back exactly its own rows.
   * The second runs inside a transaction of its caller, which stays usable after the conflict.
   */
  @AllDatabases
  void twoRuntimesWithTheSameClockStillGetMarkersOfTheirOwn(TestDatabase db) {
    Forum.createWithTrash(db);
    Clock stopped = Clock.fixed(Instant.parse("2030-06-01T12:00:00Z"), ZoneOffset.UTC);
    Jdbi one = db.jdbi();
    Jdbi two = db.anotherJdbi();
    one.getConfig(CascadeConfig.class).setClock(stopped);
    two.getConfig(CascadeConfig.class).setClock(stopped);
    try (Handle first = one.open(); Handle second = two.open()) {
      long reader = Forum.on(first).user("reader");
      long alice = author(first, "alice", reader);
      long bob = author(first, "bob", reader);
      // Bob comments on Alice's post: deleted with Bob, reachable from Alice's post too.
      long alicePost = first.createQuery("SELECT id FROM posts WHERE user_id = :u").bind("u", alice).mapTo(Long.class).one();
      Forum.on(first).comment(alicePost, bob, "bob on alice");
      Snapshot before = db.snapshot(Forum.TABLES);

      DeleteResult bobs = UserDeleter.destroy(first, bob, SOFT);
      Snapshot bobGone = db.snapshot(Forum.TABLES);
      second.begin();
      DeleteResult alices = UserDeleter.destroy(second, alice, SOFT);
      assertThat(second.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one()).isEqualTo(3L);
      second.commit();

      // Bob's comment on Alice's post carries Bob's marker, and stays deleted with Bob.
      UserRestorer.restore(second, alice);
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(bobGone);
      Instant bobMarker = Journal.find(first, bobs.deletionId()).orElseThrow().deletedAt();
      Instant aliceMarker = Journal.find(first, alices.deletionId()).orElseThrow().deletedAt();
      assertThat(bobMarker).isEqualTo(stopped.instant());
      assertThat(aliceMarker).isAfter(bobMarker);
      UserRestorer.restore(first, bob);
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
    }
  }
}
