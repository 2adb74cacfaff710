package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.joined.AttachmentDeleter;
import dev.cascade.it.joined.AttachmentRestorer;
import dev.cascade.it.joined.Attachments;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.IdTakenException;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import org.jdbi.v3.core.Handle;

/**
 * Keys the application assigns, as Hibernate does from a sequence it reads itself: the key column
 * has no default, so a trashed row whose key another row has taken since cannot come back under a
 * new one.
 */
class AssignedKeyRestoreTest {

  /**
   * The restore says that the key is taken and the column generates none, and what to do. It said
   * so, and then blamed a null in another table's trash that has a column of the same name, with
   * an {@code UPDATE} of that trash to run (a newcomer's trial on a Hibernate schema).
   */
  @AllDatabases
  void aTakenKeyTheDatabaseCannotReplaceIsAnIdTakenExceptionThatChangesNothing(TestDatabase db) {
    Attachments.createWithAssignedKeys(db);
    try (Handle handle = db.jdbi().open()) {
      Attachments attachments = Attachments.on(handle);
      attachments.image(1, "photo", 640);
      AttachmentDeleter.destroy(handle, 1L, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
      handle.execute("INSERT INTO attachments (id, name) VALUES (1, 'newer')");
      Snapshot before = db.snapshot(Attachments.TABLES);

      assertThatThrownBy(() -> AttachmentRestorer.restore(handle, 1L))
          .isInstanceOfSatisfying(IdTakenException.class, e -> {
            assertThat(e.table()).isEqualTo("attachments");
            assertThat(e.id()).isEqualTo(1L);
          })
          .hasMessageStartingWith("cannot restore attachments 1: another row has taken its key, and attachments.id"
              + " has no default or identity to give it a new one")
          .hasMessageContaining("restore with IdConflict.FAIL")
          .hasMessageEndingWith("nothing was changed")
          .hasMessageNotContaining("UPDATE");
      assertThat(db.snapshot(Attachments.TABLES)).isEqualTo(before);
    }
  }
}
