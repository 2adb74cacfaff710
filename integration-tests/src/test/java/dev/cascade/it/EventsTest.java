package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.User;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeEvent;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.StatementCounter;
import dev.cascade.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

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
              org.assertj.core.groups.Tuple.tuple(CascadeEvent.Kind.DELETING, "alice"),
              org.assertj.core.groups.Tuple.tuple(CascadeEvent.Kind.DELETING, "bob"),
              org.assertj.core.groups.Tuple.tuple(CascadeEvent.Kind.DELETED, "alice"),
              org.assertj.core.groups.Tuple.tuple(CascadeEvent.Kind.DELETED, "bob"));
      CascadeEvent deleting = heard.get(0).event();
      assertThat(deleting.strategy()).isEqualTo(DeleteStrategy.TRASH);
      assertThat(deleting.table()).isEqualTo("users");
      assertThat(deleting.rowsByTable()).isEmpty();
      CascadeEvent deleted = heard.get(3).event();
      assertThat(deleted.primaryKey()).isEqualTo(users[1]);
      assertThat(deleted.deletedCount()).isEqualTo(2);
      assertThat(deleted.rowsByTable()).isEqualTo(result.rowsByTable());
      assertThat(deleted.trashRecord()).hasValueSatisfying(trash -> {
        assertThat(trash.deletionId()).isEqualTo(result.deletionId());
        assertThat(trash.trashTable()).isEqualTo("users_trash");
      });
      assertThat(deleted.handle()).isSameAs(handle);
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
      assertThat(heard.get(1).event().rowsByTable()).containsEntry("users", 1L).containsEntry("posts", 1L);
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
