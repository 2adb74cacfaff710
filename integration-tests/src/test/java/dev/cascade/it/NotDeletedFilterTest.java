package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.clubs.ClubDeleter;
import dev.cascade.it.clubs.ClubRestorer;
import dev.cascade.it.clubs.Clubs;
import dev.cascade.it.clubs.MembershipDeleter;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.NotFoundException;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** {@code XDeleter.notDeleted(handle, alias)}: the soft-delete filter, qualified, for the user's own joins. */
class NotDeletedFilterTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);

  private static List<String> strings(Handle handle, String sql) {
    return handle.createQuery(sql).mapTo(String.class).list();
  }

  @AllDatabases
  void qualifiedFiltersKeepAJoinOfTwoSoftDeletableTablesUnambiguous(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long bob = forum.user("bob");
      forum.post(alice, "alice's");
      PostDeleter.destroy(handle, forum.post(alice, "alice's, soft-deleted"), SOFT);
      forum.post(bob, "bob's, whose author is soft-deleted");
      handle.execute("UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?", bob);
      String join = "SELECT p.title FROM posts p JOIN users u ON u.id = p.user_id WHERE ";

      String posts = PostDeleter.notDeleted(handle, "p");
      String users = UserDeleter.notDeleted(handle, "u");

      assertThat(posts).isEqualTo("p.deleted_at IS NULL");
      assertThat(strings(handle, join + posts + " AND " + users)).containsExactly("alice's");
      assertThatThrownBy(() -> strings(handle, join + PostDeleter.NOT_DELETED + " AND " + UserDeleter.NOT_DELETED))
          .as("the unqualified condition is ambiguous in a join")
          .hasMessageContaining("deleted_at");
    }
  }

  @AllDatabases
  void aSoftDeleteColumnNamedWithAReservedWordIsQuotedAsTheDatabaseNeeds(TestDatabase db) {
    Clubs.create(db);
    try (Handle handle = db.jdbi().open()) {
      Clubs.club(handle, "chess", "ann", "ben");
      long go = Clubs.club(handle, "go", "cy");
      MembershipDeleter.destroy(handle, Clubs.membership(handle, "ben"), SOFT);
      ClubDeleter.destroy(handle, go, SOFT);
      String members = "SELECT m.member FROM clubs c JOIN memberships m ON m.club_id = c.id WHERE ";

      String live = ClubDeleter.notDeleted(handle, "c") + " AND " + MembershipDeleter.notDeleted(handle, "m");

      assertThat(MembershipDeleter.notDeleted(handle, "m"))
          .isEqualTo(db.kind() == DatabaseKind.MARIADB ? "m.`left` IS NULL" : "m.\"left\" IS NULL");
      assertThat(strings(handle, members + live + " ORDER BY m.member")).containsExactly("ann");
      ClubRestorer.restore(handle, go);
      assertThat(strings(handle, members + live + " ORDER BY m.member")).containsExactly("ann", "cy");
      assertThatThrownBy(() -> MembershipDeleter.destroy(handle, Clubs.membership(handle, "ben"), SOFT.withRequireExisting(true)))
          .as("the soft-delete column read by its reserved name")
          .isInstanceOf(NotFoundException.class);
    }
  }

  @AllDatabases
  void anAliasThatIsNotASqlNameIsRefusedWithTheFix(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      assertThatThrownBy(() -> PostDeleter.notDeleted(handle, "p; DROP TABLE posts"))
          .isInstanceOf(CascadeException.class)
          .hasMessage("posts: notDeleted needs the name your query gives posts (FROM posts p: \"p\"), got"
              + " 'p; DROP TABLE posts'; pass a plain SQL name, or one quoted as your database quotes it");
      assertThat(PostDeleter.notDeleted(handle, "posts")).isEqualTo("posts.deleted_at IS NULL");
    }
  }
}
