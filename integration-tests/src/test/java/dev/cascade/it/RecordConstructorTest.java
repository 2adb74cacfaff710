package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.labels.Boards;
import dev.cascade.it.labels.Label;
import dev.cascade.it.labels.LabelDeleter;
import dev.cascade.it.labels.LabelRestorer;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import org.jdbi.v3.core.Handle;

/** A stored row that its record's constructor refuses: a rule added after the row was written. */
class RecordConstructorTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  @AllDatabases
  void aRowTheRecordRefusesFailsClearlyWhereCascadeReadsRecordsAndChangesNothing(TestDatabase db) {
    Boards.create(db);
    try (Handle handle = db.jdbi().open()) {
      Boards boards = Boards.on(handle);
      long blank = boards.label(boards.board("legacy"), " ");
      handle.getConfig(CascadeConfig.class).onDeleting(Label.class, (label, event) -> {});
      Snapshot before = db.snapshot(Boards.TABLES);

      assertThatThrownBy(() -> LabelDeleter.destroy(handle, blank, TRASH))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("labels " + blank)
          .hasMessageContaining("a row could not be read into its record (java.lang.IllegalArgumentException: a label"
              + " needs a name)")
          .hasRootCauseInstanceOf(IllegalArgumentException.class);
      assertThat(db.snapshot(Boards.TABLES)).isEqualTo(before);

      LabelDeleter.destroy(handle, blank, TRASH.withSkipEvents(true));
      Snapshot trashed = db.snapshot(Boards.TABLES);

      assertThatThrownBy(() -> LabelRestorer.restore(handle, blank, RestoreOptions.defaults().withSkipEvents(true)))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("Cascade reads records for listeners (a call with events skipped reads none), and after"
              + " a restore to return the rows it brought back, events skipped or not; nothing was changed: change the"
              + " row, the record or the mapper (a delete with events skipped reads no record)");
      assertThat(db.snapshot(Boards.TABLES)).isEqualTo(trashed);
    }
  }
}
