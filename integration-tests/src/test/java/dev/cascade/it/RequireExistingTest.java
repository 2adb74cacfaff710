package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.User;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.NotFoundException;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.StatementCounter;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** {@code withRequireExisting(true)}: an id that names no row to delete fails the call, changing nothing. */
class RequireExistingTest {
  private static final long UNKNOWN = 987_654L;

  private static DeleteOptions strict(DeleteStrategy strategy) {
    return DeleteOptions.defaults().withStrategy(strategy).withRequireExisting(true);
  }

  private static Snapshot snapshot(TestDatabase db) {
    return db.snapshot(List.of(
        "users", "posts", "comments", "likes", "reactions", "invoices", "sessions",
        "users_trash", "posts_trash", "comments_trash", "likes_trash", "reactions_trash", "cascade_operations"));
  }

  @AllDatabases
  void anUnknownIdIsLeftOutByDefaultAndFailsTheCallWhenRequired(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum.on(handle).post(Forum.on(handle).user("alice"), "a");
      Snapshot before = snapshot(db);

      for (DeleteStrategy strategy : DeleteStrategy.values()) {
        assertThat(UserDeleter.destroy(handle, UNKNOWN, DeleteOptions.defaults().withStrategy(strategy)).deletedCount())
            .isZero();
        assertThatThrownBy(() -> UserDeleter.destroy(handle, UNKNOWN, strict(strategy)))
            .isInstanceOfSatisfying(NotFoundException.class, e -> {
              assertThat(e.table()).isEqualTo("users");
              assertThat(e.ids()).containsExactly(UNKNOWN);
            })
            .hasMessageStartingWith("cannot delete users " + UNKNOWN + ": no such row");
      }
      assertThat(snapshot(db).without("cascade_operations", r -> true))
          .isEqualTo(before.without("cascade_operations", r -> true));
    }
  }

  /**
   * A post in the trash with its user: a delete that requires it says where it is and how to erase
   * it, as a delete reaches live rows only (trial 25: a GDPR erasure of a member whose organization
   * was in the trash changed nothing, and the refusal said "no such row").
   */
  @AllDatabases
  void aRequiredRowInTheTrashIsNamedWithTheOperationThatHoldsIt(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long post = forum.post(alice, "a");
      DeleteResult trashed = UserDeleter.destroy(handle, alice, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
      Snapshot before = snapshot(db);

      assertThatThrownBy(() -> PostDeleter.destroy(handle, post, strict(DeleteStrategy.PERMANENT)))
          .isInstanceOf(NotFoundException.class)
          .hasMessageStartingWith("cannot delete posts " + post + ": no such row, so nothing was changed")
          .hasMessageContaining("; posts " + post + " is in the trash, from operation " + trashed.deletionId() + " (TRASH of"
              + " users [" + alice + "] at ")
          .hasMessageEndingWith("a delete reaches live rows only: to erase it now, restore that operation (the users"
              + " restorer's restoreOperation(handle, \"" + trashed.deletionId() + "\")) and delete it again PERMANENTly, or"
              + " purge the operation");
      assertThat(snapshot(db)).isEqualTo(before);
    }
  }

  @AllDatabases
  void destroyAllWithOneUnknownIdDeletesNothingAndNamesIt(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long bob = forum.user("bob");
      forum.post(bob, "b");
      Snapshot before = snapshot(db);

      for (DeleteStrategy strategy : DeleteStrategy.values()) {
        assertThatThrownBy(() -> UserDeleter.destroyAll(handle, List.of(alice, UNKNOWN, bob), strict(strategy)))
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.ids()).containsExactly(UNKNOWN))
            .hasMessage("cannot delete users " + UNKNOWN + ": no such row"
                + (strategy == DeleteStrategy.SOFT ? ", or it is soft-deleted already" : "")
                + ", so nothing was changed (the call asked withRequireExisting(true); without it, ids that name"
                + " no row are left out)");
        assertThat(snapshot(db)).as(strategy.name()).isEqualTo(before);
        assertThat(Journal.recent(handle, 10)).isEmpty();
      }
      DeleteResult all = UserDeleter.destroyAll(handle, List.of(alice, bob), strict(DeleteStrategy.PERMANENT));
      assertThat(all.deletedCount()).isEqualTo(2);
    }
  }

  @AllDatabases
  void aSoftDeleteRequiringExistingRootsRefusesOneSoftDeletedAlready(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long bob = forum.user("bob");
      UserDeleter.destroy(handle, alice, DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));
      Snapshot before = snapshot(db);

      assertThatThrownBy(() -> UserDeleter.destroyAll(handle, List.of(bob, alice), strict(DeleteStrategy.SOFT)))
          .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.ids()).containsExactly(alice))
          .hasMessageContaining("or it is soft-deleted already");
      assertThat(snapshot(db)).isEqualTo(before);
      assertThat(UserDeleter.destroy(handle, alice, strict(DeleteStrategy.TRASH)).deletedCount())
          .as("a soft-deleted row exists, and TRASH deletes it").isEqualTo(1);
    }
  }

  @AllDatabases
  void theCheckCostsOneStatementAndNoneWhenListenersLoadTheRecordsAnyway(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long[] users = {forum.user("a"), forum.user("b"), forum.user("c"), forum.user("d")};
      StatementCounter counter = StatementCounter.on(handle);
      UserDeleter.destroy(handle, users[0]);
      int plain = counter.count();
      counter.reset();
      UserDeleter.destroy(handle, users[1], DeleteOptions.defaults().withRequireExisting(true));
      int required = counter.count();
      handle.getConfig(CascadeConfig.class).onDeleted(User.class, (user, event) -> { });
      counter.reset();
      UserDeleter.destroy(handle, users[2]);
      int listened = counter.count();
      counter.reset();
      UserDeleter.destroy(handle, users[3], DeleteOptions.defaults().withRequireExisting(true));

      assertThat(required).isEqualTo(plain + 1);
      assertThat(listened).isEqualTo(plain + 1);
      assertThat(counter.count()).isEqualTo(listened);
    }
  }
}
