package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.it.cased.AccountNoteDeleter;
import dev.cascade.it.cased.AccountNoteRestorer;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A table an older tool created in quotes with its own case ({@code "AccountNotes"}), which the
 * model names as it is spelt. Cascade writes names without quotes: PostgreSQL and H2 fold them, so
 * they do not reach it, and a trash delete said only that the table did not exist, which reads as
 * a misspelling (newcomer trial 12); it now says why. MariaDB on Linux and SQLite reach the name
 * as written, and the table works there.
 */
class CasedNamesTest {
  @AllDatabases
  void aTableCreatedInQuotesWithItsOwnCaseIsReachedWhereTheDatabaseKeepsCaseAndExplainedWhereItFolds(TestDatabase db) {
    db.createSchema(List.of("CREATE TABLE ${q:AccountNotes} (id ${id}, body VARCHAR(100))"));
    boolean folds = db.kind() == DatabaseKind.POSTGRESQL || db.kind() == DatabaseKind.H2;
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(Dialect.of(handle), AccountNoteDeleter.schema()).forEach(handle::execute);
      handle.execute(db.kind().ddl("INSERT INTO ${q:AccountNotes} (body) VALUES ('hello')"));
      long note = handle.createQuery(db.kind().ddl("SELECT id FROM ${q:AccountNotes}")).mapTo(Long.class).one();

      if (folds) {
        assertThatThrownBy(() -> AccountNoteDeleter.destroy(handle, note))
            .isInstanceOf(CascadeException.class)
            .hasMessageContaining("the table AccountNotes does not exist, so nothing was deleted")
            .hasMessageEndingWith("; Cascade writes the name without quotes, which PostgreSQL reads as accountnotes"
                + " and H2 as ACCOUNTNOTES, so a table created in quotes as \"AccountNotes\" is not reached:"
                + " SchemaCheck says how to rename it");
        assertThat(SchemaCheck.problems(handle, true, AccountNoteDeleter.schema()))
            .anySatisfy(problem -> assertThat(problem).startsWith("table \"AccountNotes\" keeps its case"));
      } else {
        AccountNoteDeleter.destroy(handle, note);
        assertThat(handle.createQuery(db.kind().ddl("SELECT COUNT(*) FROM ${q:AccountNotes}")).mapTo(Long.class).one())
            .isZero();
        AccountNoteRestorer.restore(handle, note);
      }
      assertThat(handle.createQuery(db.kind().ddl("SELECT body FROM ${q:AccountNotes}")).mapTo(String.class).list())
          .containsExactly("hello");
    }
  }
}
