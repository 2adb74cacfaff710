package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Assumptions;

/**
 * A connection that says it is read-only, as Spring's {@code @Transactional(readOnly = true)} makes
 * it: every call that writes refuses before its first statement, naming the call and changing
 * nothing, where PostgreSQL refused the journal's {@code INSERT} with the whole statement in the
 * message (a newcomer's trial); previews still run. H2's driver keeps no such flag (H2 writes all
 * the same, README), and SQLite's takes none once the connection is open.
 */
class ReadOnlyConnectionTest {
  private static final String READ_ONLY =
      " writes, but the handle's connection is read-only (in Spring, a @Transactional(readOnly = true) method), so"
          + " nothing was changed: call it in a transaction that is not read-only";

  @AllDatabases
  void everyCallThatWritesRefusesAReadOnlyConnectionAndChangesNothing(TestDatabase db) throws SQLException {
    Assumptions.assumeTrue(
        db.kind() == DatabaseKind.POSTGRESQL || db.kind() == DatabaseKind.MARIADB,
        "H2's driver keeps no read-only flag; SQLite's takes none once the connection is open");
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      long carol = Forum.on(handle).user("carol");
      String carolDeleted =
          UserDeleter.destroy(handle, carol, DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT)).deletionId();
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      handle.getConnection().setReadOnly(true);

      assertThatThrownBy(() -> UserDeleter.destroy(handle, alice))
          .isExactlyInstanceOf(CascadeException.class)
          .hasMessage("destroy of users " + alice + READ_ONLY);
      assertThatThrownBy(() -> UserDeleter.destroyInBatches(handle, alice, BatchOptions.defaults()))
          .hasMessage("destroyInBatches of users " + alice + READ_ONLY);
      assertThatThrownBy(() -> UserRestorer.restore(handle, carol)).hasMessage("restore of users " + carol + READ_ONLY);
      assertThatThrownBy(() -> UserRestorer.restoreAll(handle)).hasMessage("restoreAll of users" + READ_ONLY);
      assertThatThrownBy(() -> UserRestorer.restoreOperation(handle, carolDeleted))
          .hasMessage("restoreOperation of " + carolDeleted + READ_ONLY);
      assertThatThrownBy(() -> Journal.purge(handle, PurgeOptions.olderThan(Duration.ofDays(1))))
          .hasMessage("Journal.purge" + READ_ONLY);
      handle.begin();
      assertThatThrownBy(() -> UserDeleter.destroy(handle, alice)).hasMessage("destroy of users " + alice + READ_ONLY);
      assertThat(UserDeleter.preview(handle, alice).rowsByTable()).containsEntry("users", 1L);
      assertThat(UserRestorer.preview(handle, carol).rowsByTable()).containsEntry("users", 1L);
      handle.rollback();
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);

      handle.getConnection().setReadOnly(false);
      assertThat(UserDeleter.destroy(handle, alice).deletedCount()).isEqualTo(1);
      assertThat(UserRestorer.restore(handle, carol)).isNotNull();
    }
  }
}
