package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.social.ProfileDeleter;
import dev.cascade.it.social.ProfileRestorer;
import dev.cascade.it.social.Social;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A child table with two relations to the same parent: friendships (a join table without a key,
 * both columns pointing at profiles, both CASCADE) and messages (CASCADE from the sender, SET_NULL
 * from the recipient). A row that points at the deleted profile twice is one row.
 */
class SameParentTwiceTest {
  /**
   * Ann, bob and cat. Friendships ann-bob, bob-ann, cat-ann, ann-ann (with herself, reached through
   * both columns) and bob-cat. Messages ann to bob, ann to herself, bob to ann, cat to ann, and bob
   * to cat. Deleting ann removes four friendships and her two messages, and unlinks the two sent to
   * her. Returns {@code {ann, bob, cat}}.
   */
  private static long[] profiles(Handle handle) {
    Social social = Social.on(handle);
    long ann = social.profile("ann");
    long bob = social.profile("bob");
    long cat = social.profile("cat");
    social.friends(ann, bob);
    social.friends(bob, ann);
    social.friends(cat, ann);
    social.friends(ann, ann);
    social.friends(bob, cat);
    social.message(ann, bob, "hi bob");
    social.message(ann, ann, "note to self");
    social.message(bob, ann, "hi ann");
    social.message(cat, ann, "hello");
    social.message(bob, cat, "hi cat");
    return new long[] {ann, bob, cat};
  }

  @AllDatabases
  void eachRowPointingAtTheProfileIsRemovedOrUnlinkedOnceAndComesBackWithIt(TestDatabase db) {
    Social.create(db);
    try (Handle handle = db.jdbi().open()) {
      long ann = profiles(handle)[0];
      Snapshot before = db.snapshot(Social.TABLES);
      Map<String, Long> removed = Map.of("friendships", 4L, "messages", 2L, "profiles", 1L);
      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH, DeleteStrategy.PERMANENT)) {
        DeleteOptions options = DeleteOptions.defaults().withStrategy(strategy);
        DeletePreview preview = ProfileDeleter.preview(handle, ann, options);
        DeleteResult result = ProfileDeleter.destroy(handle, ann, options);

        assertThat(result.rowsByTable()).as(strategy.name()).containsExactlyInAnyOrderEntriesOf(removed);
        assertThat(preview.rowsByTable()).as(strategy.name()).isEqualTo(result.rowsByTable());
        // A soft delete unlinks nothing: the rows stay, marked.
        Map<String, Long> unlinked = strategy == DeleteStrategy.SOFT ? Map.of() : Map.of("messages", 2L);
        assertThat(result.nullifiedByTable()).as(strategy.name()).isEqualTo(unlinked);
        assertThat(preview.nullifiedByTable()).as(strategy.name()).isEqualTo(unlinked);
        assertThat(handle.select("SELECT COUNT(*) FROM friendships WHERE deleted_at IS NULL").mapTo(Long.class).one())
            .as(strategy.name())
            .isEqualTo(1L);
        if (strategy == DeleteStrategy.PERMANENT) {
          break;
        }
        ProfileRestorer.restore(handle, ann);
        if (strategy == DeleteStrategy.SOFT) {
          assertThat(db.snapshot(Social.TABLES)).isEqualTo(before);
        } else {
          // The two messages sent to ann stay unlinked; everything else is back as it was.
          handle.execute("UPDATE messages SET recipient_id = ? WHERE recipient_id IS NULL", ann);
          assertThat(db.snapshot(Social.TABLES)).isEqualTo(before);
        }
      }
    }
  }
}
