package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.TrashTest.Crossed;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.Post;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.ParentStillDeletedException;
import dev.cascade.runtime.RestorePreview;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A restore refused because a parent is still deleted names what holds that parent: the delete
 * operation to restore first ({@link ParentStillDeletedException#parentDeletionId()}), or that the
 * parent is gone for good. Alice's post is deleted on its own, then Alice by another delete;
 * restoring the post names Alice's delete, and following the message brings everything back. On
 * every database.
 */
class ParentStillDeletedTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final DeleteOptions PERMANENT = DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT);

  /**
   * The post's delete, then its user's. Not a SOFT post, then a TRASH user: the user's trash takes
   * the post along, and restoring it then is a restore of that trash's copy (TrashTest).
   */
  private static final List<List<DeleteOptions>> POST_THEN_USER = List.of(List.of(SOFT, SOFT), List.of(TRASH, TRASH), List.of(TRASH, SOFT));

  @AllDatabases
  void aRestoreRefusedForItsParentNamesTheDeleteThatHoldsItAndFollowingItBringsBothBack(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      for (List<DeleteOptions> deletes : POST_THEN_USER) {
        Crossed forum = TrashTest.crossedForum(handle);
        // Without sessions: a user's TRASH unlinks them for good (SET_NULL).
        handle.execute("DELETE FROM sessions");
        String what = deletes.get(0).strategy().orElseThrow() + " post, then " + deletes.get(1).strategy().orElseThrow() + " user";
        Snapshot start = db.snapshot(Forum.TABLES_WITH_TRASH);
        PostDeleter.destroy(handle, forum.alicePost(), deletes.get(0));
        DeleteResult user = UserDeleter.destroy(handle, forum.alice(), deletes.get(1));
        Snapshot deleted = db.snapshot(Forum.TABLES_WITH_TRASH);

        assertThatThrownBy(() -> PostRestorer.restore(handle, forum.alicePost()))
            .as(what)
            .isInstanceOfSatisfying(ParentStillDeletedException.class, e -> {
              assertThat(e.parentTable()).isEqualTo("users");
              assertThat(((Number) e.parentKey()).longValue()).isEqualTo(forum.alice());
              assertThat(e.parentDeletionId()).contains(user.deletionId());
            })
            .hasMessageContaining("operation " + user.deletionId() + " deleted it (" + deletes.get(1).strategy().orElseThrow() + " of users ["
                + forum.alice() + "]")
            .hasMessageContaining("restoreOperation(handle, \"" + user.deletionId() + "\")");
        RestorePreview preview = PostRestorer.preview(handle, forum.alicePost());
        assertThat(preview.blockedBy()).as(what).get()
            .isInstanceOfSatisfying(ParentStillDeletedException.class, e -> assertThat(e.parentDeletionId()).contains(user.deletionId()));
        assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).as(what).isEqualTo(deleted);

        UserRestorer.restoreOperation(handle, user.deletionId());
        assertThat(PostRestorer.restore(handle, forum.alicePost())).extracting(Post::id).isEqualTo(forum.alicePost());
        assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).as(what).isEqualTo(start);
      }
    }
  }

  @AllDatabases
  void aRestoreRefusedForAParentDeletedForGoodSaysItCannotComeBack(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Crossed forum = TrashTest.crossedForum(handle);
      handle.execute("DELETE FROM sessions");
      PostDeleter.destroy(handle, forum.alicePost(), TRASH);
      UserDeleter.destroy(handle, forum.alice(), PERMANENT);
      Snapshot deleted = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> PostRestorer.restore(handle, forum.alicePost()))
          .isInstanceOfSatisfying(ParentStillDeletedException.class, e -> {
            assertThat(e.parentTable()).isEqualTo("users");
            assertThat(e.parentDeletionId()).isEmpty();
          })
          .hasMessageContaining("that users row is gone for good (neither soft-deleted in users nor in its trash");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(deleted);
    }
  }

  /**
   * With the journal off, the trash still says which delete holds the parent, but there is no
   * operation to restore: the message says to restore the parent by its key. A soft-deleted
   * parent's marker names no operation then.
   */
  @AllDatabases
  void withTheJournalOffTheTrashStillNamesItsDelete(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      handle.getConfig(CascadeConfig.class).setJournalTable(null);
      Crossed forum = TrashTest.crossedForum(handle);
      handle.execute("DELETE FROM sessions");
      Snapshot start = db.snapshot(Forum.TABLES_WITH_TRASH);
      PostDeleter.destroy(handle, forum.alicePost(), TRASH);
      DeleteResult user = UserDeleter.destroy(handle, forum.alice(), TRASH);

      assertThatThrownBy(() -> PostRestorer.restore(handle, forum.alicePost()))
          .isInstanceOfSatisfying(ParentStillDeletedException.class, e -> assertThat(e.parentDeletionId()).contains(user.deletionId()))
          .hasMessageContaining("the trash holds it from operation " + user.deletionId() + " (restore it by its key with the users"
              + " restorer; the journal is off");
      UserRestorer.restore(handle, forum.alice());
      PostRestorer.restore(handle, forum.alicePost());
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(start);

      PostDeleter.destroy(handle, forum.alicePost(), SOFT);
      UserDeleter.destroy(handle, forum.alice(), SOFT);
      assertThatThrownBy(() -> PostRestorer.restore(handle, forum.alicePost()))
          .isInstanceOfSatisfying(ParentStillDeletedException.class, e -> assertThat(e.parentDeletionId()).isEmpty())
          .hasMessageContaining("restore that users row first");
    }
  }
}
