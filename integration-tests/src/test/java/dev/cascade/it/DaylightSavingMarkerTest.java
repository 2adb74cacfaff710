package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.notes.NoteDeleter;
import dev.cascade.it.notes.NotebookDeleter;
import dev.cascade.it.notes.NotebookRestorer;
import dev.cascade.it.notes.Notes;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;
import org.h2.util.DateTimeUtils;
import org.jdbi.v3.core.Handle;

/**
 * Soft-delete columns without a time zone ({@code TIMESTAMP}, MariaDB's {@code DATETIME}) store a
 * marker as its wall time in the JVM's zone. In the hour a daylight-saving fall-back repeats, two
 * deletes an hour apart would store the same wall time, and a restore of the later one would
 * bring back the earlier one's rows; Cascade keeps markers out of that hour. The JVM runs in New
 * York for the test (PostgreSQL takes the session's zone from it when the connection opens; H2
 * caches it until told). Without the repeated-hour rule the test fails on PostgreSQL; the H2 and
 * MariaDB drivers of these tests did not store the two markers as one wall time even then, and
 * SQLite stores epoch milliseconds.
 */
class DaylightSavingMarkerTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** New York falls back at 06:00Z: wall times 01:00-02:00 come twice, in EDT, then in EST. */
  private static final Instant FIRST_PASS = Instant.parse("2027-11-07T05:30:00Z");
  private static final Instant SECOND_PASS = Instant.parse("2027-11-07T06:30:00Z");

  @AllDatabases
  void aNoteDeletedOnItsOwnAnHourEarlierInTheRepeatedHourStaysDeletedWhenItsNotebookComesBack(TestDatabase db) {
    TimeZone jvmZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(NEW_YORK));
    DateTimeUtils.resetCalendar();
    try {
      Notes.create(db);
      try (Handle handle = db.jdbi().open()) {
        long notebook = Notes.notebook(handle, "diary");
        long first = Notes.firstNote(handle, notebook);

        handle.getConfig(CascadeConfig.class).setClock(Clock.fixed(FIRST_PASS, NEW_YORK));
        NoteDeleter.destroy(handle, first, SOFT);
        handle.getConfig(CascadeConfig.class).setClock(Clock.fixed(SECOND_PASS, NEW_YORK));
        NotebookDeleter.destroy(handle, notebook, SOFT);

        NotebookRestorer.restore(handle, notebook);

        assertThat(handle.select("SELECT id FROM notes WHERE notebook_id = ? AND deleted_at IS NULL", notebook)
                .mapTo(Long.class).list())
            .as("the other note is back, the one deleted on its own an hour earlier is not")
            .hasSize(1)
            .doesNotContain(first);
        assertThat(handle.select("SELECT COUNT(*) FROM notes WHERE id = ? AND deleted_at IS NOT NULL", first)
                .mapTo(Long.class).one())
            .isEqualTo(1L);
      }
    } finally {
      TimeZone.setDefault(jvmZone);
      DateTimeUtils.resetCalendar();
    }
  }
}
