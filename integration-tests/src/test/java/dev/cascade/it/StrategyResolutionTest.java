package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.notes.NoteDeleter;
import dev.cascade.it.notes.NotebookDeleter;
import dev.cascade.it.notes.Notes;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.TestDatabase;
import org.jdbi.v3.core.Handle;

/**
 * Which strategy a call runs with, first wins: the call's option, the model's written
 * {@code @Deletable(strategy)}, the configuration's default, PERMANENT. Each case checks the rows.
 */
class StrategyResolutionTest {

  private static long count(Handle handle, String sql, Object... args) {
    return handle.select(sql, args).mapTo(Long.class).one();
  }

  @AllDatabases
  void withNothingWrittenOrConfiguredADeleteIsPermanent(TestDatabase db) {
    Notes.create(db);
    try (Handle handle = db.jdbi().open()) {
      long note = Notes.firstNote(handle, Notes.notebook(handle, "ideas"));

      DeleteResult result = NoteDeleter.destroy(handle, note);

      assertThat(result.strategy()).isEqualTo(DeleteStrategy.PERMANENT);
      assertThat(count(handle, "SELECT COUNT(*) FROM notes WHERE id = ?", note)).isZero();
      assertThat(count(handle, "SELECT COUNT(*) FROM notes_trash")).isZero();
    }
  }

  @AllDatabases
  void theConfiguredDefaultAppliesToAModelThatWritesNone(TestDatabase db) {
    Notes.create(db);
    try (Handle handle = db.jdbi().open()) {
      handle.getConfig(CascadeConfig.class).setDefaultStrategy(DeleteStrategy.SOFT);
      long note = Notes.firstNote(handle, Notes.notebook(handle, "ideas"));

      DeleteResult result = NoteDeleter.destroy(handle, note);

      assertThat(result.strategy()).isEqualTo(DeleteStrategy.SOFT);
      assertThat(count(handle, "SELECT COUNT(*) FROM notes WHERE id = ? AND deleted_at IS NOT NULL", note)).isEqualTo(1);
    }
  }

  @AllDatabases
  void theWrittenStrategyWinsOverTheConfiguredDefaultAndRulesTheWholeCascade(TestDatabase db) {
    Notes.create(db);
    try (Handle handle = db.jdbi().open()) {
      handle.getConfig(CascadeConfig.class).setDefaultStrategy(DeleteStrategy.SOFT);
      long notebook = Notes.notebook(handle, "ideas");

      DeleteResult result = NotebookDeleter.destroy(handle, notebook);

      assertThat(result.strategy()).isEqualTo(DeleteStrategy.TRASH);
      assertThat(count(handle, "SELECT COUNT(*) FROM notes")).isZero();
      assertThat(count(handle, "SELECT COUNT(*) FROM notes_trash WHERE deletion_id = ?", result.deletionId())).isEqualTo(2);
      assertThat(count(handle, "SELECT COUNT(*) FROM notebooks_trash WHERE deletion_id = ?", result.deletionId())).isEqualTo(1);
    }
  }

  @AllDatabases
  void theCallsOptionWinsOverEverything(TestDatabase db) {
    Notes.create(db);
    try (Handle handle = db.jdbi().open()) {
      handle.getConfig(CascadeConfig.class).setDefaultStrategy(DeleteStrategy.SOFT);
      long notebook = Notes.notebook(handle, "ideas");

      DeleteResult result =
          NotebookDeleter.destroy(handle, notebook, DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT));

      assertThat(result.strategy()).isEqualTo(DeleteStrategy.PERMANENT);
      assertThat(count(handle, "SELECT COUNT(*) FROM notebooks")).isZero();
      assertThat(count(handle, "SELECT COUNT(*) FROM notebooks_trash")).isZero();
      assertThat(count(handle, "SELECT COUNT(*) FROM notes_trash")).isZero();
    }
  }

  @AllDatabases
  void aHandlesDefaultDoesNotLeakIntoOtherHandles(TestDatabase db) {
    Notes.create(db);
    try (Handle configured = db.jdbi().open(); Handle plain = db.jdbi().open()) {
      configured.getConfig(CascadeConfig.class).setDefaultStrategy(DeleteStrategy.SOFT);
      long note = Notes.firstNote(plain, Notes.notebook(plain, "ideas"));

      assertThat(NoteDeleter.destroy(plain, note).strategy()).isEqualTo(DeleteStrategy.PERMANENT);
    }
  }
}
