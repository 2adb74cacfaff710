package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.Post;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.User;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeEvent;
import dev.cascade.runtime.CascadeListener;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteRestrictedException;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.ParentStillDeletedException;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.runtime.TransactionConflictException;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.StatementCounter;
import dev.cascade.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** Listeners: once per root record, in the transaction; a throw rolls everything back. */
class EventsTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  private record Heard(CascadeEvent.Kind kind, String name, CascadeEvent event) {}

  private static List<Heard> listen(Handle handle) {
    List<Heard> heard = new ArrayList<>();
    handle
        .getConfig(CascadeConfig.class)
        .onDeleting(User.class, (user, event) -> heard.add(new Heard(event.kind(), user.name(), event)))
        .onDeleted(User.class, (user, event) -> heard.add(new Heard(event.kind(), user.name(), event)))
        .onRestoring(User.class, (user, event) -> heard.add(new Heard(event.kind(), user.name(), event)))
        .onRestored(User.class, (user, event) -> heard.add(new Heard(event.kind(), user.name(), event)));
    return heard;
  }

  private static long[] twoUsersWithPosts(Handle handle) {
    Forum forum = Forum.on(handle);
    long alice = forum.user("alice");
    long bob = forum.user("bob");
    forum.comment(forum.post(alice, "a"), bob, "b on a");
    forum.post(bob, "b");
    return new long[] {alice, bob};
  }

  @AllDatabases
  void eachRootRecordIsHeardOnceBeforeAndOnceAfterWithTheOperationsCounts(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long[] users = twoUsersWithPosts(handle);
      List<Heard> heard = listen(handle);

      DeleteResult result = UserDeleter.destroyAll(handle, List.of(users[0], users[1]), TRASH);

      assertThat(heard).extracting(Heard::kind, Heard::name)
          .containsExactly(
              tuple(CascadeEvent.Kind.DELETING, "alice"),
              tuple(CascadeEvent.Kind.DELETING, "bob"),
              tuple(CascadeEvent.Kind.DELETED, "alice"),
              tuple(CascadeEvent.Kind.DELETED, "bob"));
      CascadeEvent deleting = heard.get(0).event();
      assertThat(deleting.strategy()).isEqualTo(DeleteStrategy.TRASH);
      assertThat(deleting.table()).isEqualTo("users");
      assertThat(deleting.operationRowsByTable()).isEmpty();
      CascadeEvent deleted = heard.get(3).event();
      assertThat(deleted.primaryKey()).isEqualTo(users[1]);
      assertThat(deleted.operationRootCount()).isEqualTo(2);
      assertThat(deleted.operationRowsByTable()).isEqualTo(result.rowsByTable());
      assertThat(deleted.trashRecord()).hasValueSatisfying(trash -> {
        assertThat(trash.deletionId()).isEqualTo(result.deletionId());
        assertThat(trash.trashTable()).isEqualTo("users_trash");
      });
      assertThat(deleted.handle()).isSameAs(handle);
    }
  }

  @AllDatabases
  void aDeleteThatARestrictRelationBlocksIsNotHeardAtAll(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long payer = Forum.on(handle).user("payer");
      Forum.on(handle).invoice(payer, 100);
      List<Heard> heard = listen(handle);

      assertThatThrownBy(() -> UserDeleter.destroy(handle, payer, TRASH)).isInstanceOf(DeleteRestrictedException.class);

      assertThat(heard).as("no deleting event for a delete that was never going to happen").isEmpty();
    }
  }

  @AllDatabases
  void rootEventsFireInTheOrderOfTheIdsGiven(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      List<Long> ids = new ArrayList<>();
      for (String name : List.of("dora", "alice", "carl", "bob", "erin")) {
        ids.add(forum.user(name));
      }
      List<Long> given = List.of(ids.get(3), ids.get(0), ids.get(4), ids.get(1), ids.get(2));
      List<Heard> heard = listen(handle);

      UserDeleter.destroyAll(handle, given, DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));
      List<String> deleting = heard.stream().filter(h -> h.kind() == CascadeEvent.Kind.DELETING).map(Heard::name).toList();
      List<String> deleted = heard.stream().filter(h -> h.kind() == CascadeEvent.Kind.DELETED).map(Heard::name).toList();
      heard.clear();
      UserRestorer.restoreOperation(handle, Journal.recent(handle, 1).get(0).deletionId());

      List<String> inOrder = List.of("bob", "dora", "erin", "alice", "carl");
      assertThat(deleting).isEqualTo(inOrder);
      assertThat(deleted).isEqualTo(inOrder);
      assertThat(heard).as("restoring, then restored").extracting(Heard::name)
          .containsExactlyElementsOf(Stream.concat(inOrder.stream(), inOrder.stream()).toList());
    }
  }

  @AllDatabases
  void eachDeletedEventCarriesTheWholeOperationsCountsAndDeletingEventsNone(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long bob = forum.user("bob");
      forum.post(alice, "a1");
      forum.post(bob, "b1");
      forum.post(bob, "b2");
      List<Heard> heard = listen(handle);

      DeleteResult result = UserDeleter.destroyAll(handle, List.of(alice, bob), TRASH);

      assertThat(heard).hasSize(4);
      for (Heard event : heard) {
        boolean after = event.kind() == CascadeEvent.Kind.DELETED;
        assertThat(event.event().operationRootCount()).as("%s %s", event.kind(), event.name()).isEqualTo(after ? 2 : 0);
        assertThat(event.event().operationRowsByTable()).as("%s %s", event.kind(), event.name())
            .isEqualTo(after ? result.rowsByTable() : Map.of());
        assertThat(event.event().operationTotalRows()).isEqualTo(after ? 5 : 0);
      }
      assertThat(result.rowsByTable()).containsEntry("posts", 3L).containsEntry("users", 2L);
    }
  }

  @AllDatabases
  void aSoftDeleteIsNotHeardForARootThatWasSoftDeletedAlready(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long[] users = twoUsersWithPosts(handle);
      DeleteOptions soft = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
      UserDeleter.destroy(handle, users[0], soft);
      List<Heard> heard = listen(handle);

      DeleteResult result = UserDeleter.destroyAll(handle, List.of(users[0], users[1]), soft);

      assertThat(result.deletedCount()).isEqualTo(1);
      assertThat(heard).extracting(Heard::kind, Heard::name)
          .containsExactly(
              tuple(CascadeEvent.Kind.DELETING, "bob"),
              tuple(CascadeEvent.Kind.DELETED, "bob"));
    }
  }

  /**
   * A restore its parent checks refuse is not heard, as a delete RESTRICT blocks is not (a
   * newcomer's trial heard onRestoring for a restore that then failed), from a soft delete or the
   * trash.
   */
  @AllDatabases
  void aRestoreThatAParentStillDeletedRefusesIsNotHeardAtAll(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        Forum forum = Forum.on(handle);
        long author = forum.user("author, " + strategy);
        long post = forum.post(author, "a post");
        DeleteOptions options = DeleteOptions.defaults().withStrategy(strategy);
        PostDeleter.destroy(handle, post, options);
        UserDeleter.destroy(handle, author, options);
        List<String> heard = new ArrayList<>();
        handle.getConfig(CascadeConfig.class)
            .onRestoring(Post.class, (p, event) -> heard.add("restoring " + p.title()))
            .onRestored(Post.class, (p, event) -> heard.add("restored " + p.title()));

        assertThatThrownBy(() -> PostRestorer.restore(handle, post)).isInstanceOf(ParentStillDeletedException.class);

        assertThat(heard).as(strategy.name()).isEmpty();
      }
    }
  }

  @AllDatabases
  void restoreListenersHearTheRecordAndWhereItCameFrom(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long[] users = twoUsersWithPosts(handle);
      DeleteResult deleted = UserDeleter.destroy(handle, users[0], TRASH);
      List<Heard> heard = listen(handle);

      UserRestorer.restore(handle, users[0]);

      assertThat(heard).extracting(Heard::kind).containsExactly(CascadeEvent.Kind.RESTORING, CascadeEvent.Kind.RESTORED);
      assertThat(heard).extracting(Heard::name).containsOnly("alice");
      assertThat(heard.get(1).event().trashRecord()).hasValueSatisfying(
          trash -> assertThat(trash.deletionId()).isEqualTo(deleted.deletionId()));
      assertThat(heard.get(1).event().operationRowsByTable()).containsEntry("users", 1L).containsEntry("posts", 1L);
    }
  }

  @AllDatabases
  void aListenerThatThrowsLeavesEveryTableAsItWas(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long[] users = twoUsersWithPosts(handle);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      handle.getConfig(CascadeConfig.class).onDeleted(User.class, (user, event) -> {
        throw new IllegalStateException("audit log is down");
      });

      for (DeleteStrategy strategy : DeleteStrategy.values()) {
        assertThatThrownBy(() -> UserDeleter.destroy(handle, users[0], DeleteOptions.defaults().withStrategy(strategy)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("audit log is down");
        assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).as(strategy.name()).isEqualTo(before);
      }
    }
  }

  /**
   * A listener's own statement that another transaction got in the way of (a serialization
   * failure, as the database reports it) comes out as a {@link TransactionConflictException}, to
   * retry as any conflict of the call, with the driver's failure as its cause; everything is rolled
   * back. Trial 26's audit listener, inserting at {@code SERIALIZABLE}, threw JDBI's own exception,
   * which its retry on conflicts let through.
   */
  @AllDatabases
  void aConflictInAListenersOwnStatementIsAConflictToRetry(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long[] users = twoUsersWithPosts(handle);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      SQLException serialization = new SQLException("could not serialize access due to concurrent update", "40001");
      handle.getConfig(CascadeConfig.class).onDeleted(User.class, (user, event) -> {
        throw new UnableToExecuteStatementException(serialization, null);
      });

      assertThatThrownBy(() -> UserDeleter.destroy(handle, users[0]))
          .isInstanceOf(TransactionConflictException.class)
          .hasMessage("the onDeleted listener for users " + users[0] + " failed: could not serialize access due to"
              + " concurrent update; another transaction got in the way, so nothing was changed: retry")
          .hasRootCause(serialization);
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  /**
   * The same with a real conflict on PostgreSQL: the listener's update waits for a row another
   * transaction holds, until its lock timeout ({@code 55P03}).
   */
  @Test
  void onPostgreSqlAListenersLockTimeoutIsAConflictToRetry() {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
      Forum.createWithTrash(db);
      try (Handle handle = db.jdbi().open(); Handle other = db.jdbi().open()) {
        long[] users = twoUsersWithPosts(handle);
        Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
        other.begin();
        other.execute("UPDATE users SET name = 'bobby' WHERE id = ?", users[1]);
        handle.getConfig(CascadeConfig.class).onDeleting(User.class, (user, event) -> {
          event.handle().execute("SET LOCAL lock_timeout = '100ms'");
          event.handle().execute("UPDATE users SET name = name WHERE id = ?", users[1]);
        });

        assertThatThrownBy(() -> UserDeleter.destroy(handle, users[0]))
            .isInstanceOf(TransactionConflictException.class)
            .hasMessageStartingWith("the onDeleting listener for users " + users[0] + " failed: ")
            .hasMessageEndingWith("; another transaction got in the way, so nothing was changed: retry");
        other.rollback();
        assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
        assertThat(UserDeleter.destroy(handle, users[0]).deletedCount()).as("the retry").isEqualTo(1);
      }
    }
  }

  @AllDatabases
  void aRestoringListenerCanVetoTheRestore(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long[] users = twoUsersWithPosts(handle);
      UserDeleter.destroy(handle, users[0], DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      handle.getConfig(CascadeConfig.class).onRestoring(User.class, (user, event) -> {
        throw new SecurityException("only admins restore users");
      });

      assertThatThrownBy(() -> UserRestorer.restore(handle, users[0])).isInstanceOf(SecurityException.class);
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  @AllDatabases
  void skipEventsSilencesListeners(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long[] users = twoUsersWithPosts(handle);
      List<Heard> heard = listen(handle);

      UserDeleter.destroy(handle, users[0], TRASH.withSkipEvents(true));
      UserRestorer.restore(handle, users[0], RestoreOptions.defaults().withSkipEvents(true));

      assertThat(heard).isEmpty();
    }
  }

  /**
   * A listener removed from the {@code Jdbi} hears no handle opened after, as a test context shared
   * by several tests needs (a newcomer's trial: a throwing listener of one test broke a later one).
   */
  @AllDatabases
  void aRemovedListenerHearsNothingMore(TestDatabase db) {
    Forum.createWithTrash(db);
    List<String> heard = new ArrayList<>();
    CascadeListener<User> listener = (user, event) -> heard.add(event.kind() + " " + user.name());
    long[] users;
    try (Handle handle = db.jdbi().open()) {
      users = twoUsersWithPosts(handle);
    }
    db.jdbi().getConfig(CascadeConfig.class).onDeleting(User.class, listener).onRestored(User.class, listener);
    try (Handle handle = db.jdbi().open()) {
      UserDeleter.destroy(handle, users[0], TRASH);
      UserRestorer.restore(handle, users[0]);
    }
    db.jdbi().getConfig(CascadeConfig.class).removeListener(listener);
    try (Handle handle = db.jdbi().open()) {
      UserDeleter.destroy(handle, users[1], TRASH);
      UserRestorer.restore(handle, users[1]);
    }

    assertThat(heard).containsExactly("DELETING alice", "RESTORED alice");
  }

  @AllDatabases
  void recordsAreLoadedOnlyWhenSomeoneListens(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      long[] users = twoUsersWithPosts(handle);
      StatementCounter counter = StatementCounter.on(handle);
      UserDeleter.destroy(handle, users[0]);
      int silent = counter.count();
      listen(handle);
      counter.reset();

      UserDeleter.destroy(handle, users[1]);

      assertThat(counter.count()).isEqualTo(silent + 1);
      assertThat(counter.statements().get(0)).startsWith("SELECT id, name, deleted_at FROM users");
    }
  }

  @AllDatabases
  void aListenerForAnInterfaceHearsEveryModel(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      long[] users = twoUsersWithPosts(handle);
      List<Object> heard = new ArrayList<>();
      handle.getConfig(CascadeConfig.class).onDeleted(Record.class, (record, event) -> heard.add(record));

      UserDeleter.destroy(handle, users[0]);

      assertThat(heard).containsExactly(new User(users[0], "alice", null));
    }
  }
}
