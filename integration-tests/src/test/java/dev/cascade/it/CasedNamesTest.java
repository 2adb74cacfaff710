package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cascade.it.cased.AccountNoteDeleter;
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
 * model names as it is spelt: Cascade writes names without quotes, so a database that folds them
 * does not reach it. A trash delete said the table did not exist, which reads as a misspelling
 * (newcomer trial 12); it now says why. MariaDB on Linux and SQLite reach the name as written.
 */
class CasedNamesTest {
  @AllDatabases
  void aTrashThatMissesATableCreatedInQuotesWithItsOwnCaseSaysWhy(TestDatabase db) {
    assumeTrue(db.kind() == DatabaseKind.POSTGRESQL || db.kind() == DatabaseKind.H2, "folds unquoted names");
    db.createSchema(List.of("CREATE TABLE \"AccountNotes\" (id ${id}, body VARCHAR(100))"));
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(Dialect.of(handle), AccountNoteDeleter.schema()).forEach(handle::execute);
      handle.execute("INSERT INTO \"AccountNotes\" (body) VALUES ('hello')");
      long note = handle.createQuery("SELECT id FROM \"AccountNotes\"").mapTo(Long.class).one();

      assertThatThrownBy(() -> AccountNoteDeleter.destroy(handle, note))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("the table AccountNotes does not exist, so nothing was deleted")
          .hasMessageEndingWith("; Cascade writes the name without quotes, which PostgreSQL reads as accountnotes and"
              + " H2 as ACCOUNTNOTES, so a table created in quotes as \"AccountNotes\" is not reached: SchemaCheck"
              + " says how to rename it");
      assertThat(SchemaCheck.problems(handle, true, AccountNoteDeleter.schema()))
          .anySatisfy(problem -> assertThat(problem).startsWith("table \"AccountNotes\" keeps its case"));
      assertThat(handle.createQuery("SELECT body FROM \"AccountNotes\"").mapTo(String.class).list())
          .containsExactly("hello");
    }
  }
}
