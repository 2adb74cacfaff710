package dev.cascade.it.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.ForumOracle;
import dev.cascade.it.forum.InvoiceDeleter;
import dev.cascade.it.forum.SessionDeleter;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.NotDeletedException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Wrong input at run time, on every database: each call is refused with a {@link
 * CascadeException} that says what is wrong, or is a documented no-op; either way no row changes.
 */
class BadInputTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final DeleteOptions PERMANENT = DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT);

  private record Fixture(long alice, long bob, long invoice, long session) {}

  private static Fixture seed(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long bob = forum.user("bob");
      long payer = forum.user("payer");
      long post = forum.post(alice, "alice writes");
      long comment = forum.comment(post, bob, "bob on alice");
      forum.like(comment, alice);
      forum.reaction("post", post, "+1");
      return new Fixture(alice, bob, forum.invoice(payer, 500), forum.session(alice, "alice-phone"));
    }
  }

  /** The call must throw a CascadeException whose message contains {@code says}, and change nothing. */
  private static void refused(TestDatabase db, ThrowingCallable call, String says) {
    refused(db, call, CascadeException.class, says);
  }

  /** The call must throw exactly this CascadeException, its message containing {@code says}, and change nothing. */
  private static void refused(
      TestDatabase db, ThrowingCallable call, Class<? extends CascadeException> type, String says) {
    Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
    assertThatThrownBy(call).isExactlyInstanceOf(type).hasMessageContaining(says);
    assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
  }

  @AllDatabases
  void nullIdsAreRefused(TestDatabase db) {
    Fixture f = seed(db);
    try (Handle h = db.jdbi().open()) {
      refused(db, () -> UserDeleter.destroyAll(h, null), "users: the id list is null");
      refused(db, () -> UserDeleter.destroyAll(h, Arrays.asList(f.alice(), null)), "users: ids must not be null");
      refused(db, () -> UserDeleter.destroyAll(h, Arrays.asList(f.alice(), null), SOFT), "ids must not be null");
    }
  }

  /**
   * Ids of another type, which only unchecked code can pass: MariaDB took {@code "1"} as user 1 and
   * deleted it (a newcomer's trial), H2 failed; now every database refuses them alike.
   */
  @AllDatabases
  @SuppressWarnings({"unchecked", "rawtypes"})
  void idsOfAnotherTypeThanTheKeyAreRefused(TestDatabase db) {
    Fixture f = seed(db);
    try (Handle h = db.jdbi().open()) {
      java.util.Collection strings = List.of(String.valueOf(f.alice()), "abc");
      refused(db, () -> UserDeleter.destroyAll(h, strings), "users takes ids of type Long, not java.lang.String ('1')");
      refused(db, () -> UserDeleter.previewAll(h, strings), "which unchecked code passed; nothing was changed");
      java.util.Collection mixed = List.of(f.alice(), 2.5);
      refused(db, () -> UserDeleter.destroyAll(h, mixed, SOFT), "the ids mix Long, Double");
      java.util.Collection ints = List.of((int) f.alice());
      assertThat(UserDeleter.destroyAll(h, ints, SOFT).deletedCount()).isEqualTo(1);
    }
  }

  @AllDatabases
  void anEmptyIdListIsANoOp(TestDatabase db) {
    seed(db);
    Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
    try (Handle h = db.jdbi().open()) {
      for (DeleteStrategy strategy : DeleteStrategy.values()) {
        DeleteResult result = UserDeleter.destroyAll(h, List.of(), DeleteOptions.defaults().withStrategy(strategy));
        assertThat(result.deletedCount()).isZero();
        assertThat(result.totalRows()).isZero();
      }
    }
    assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
  }

  @AllDatabases
  void duplicateIdsAreDeletedOnce(TestDatabase db) {
    Fixture f = seed(db);
    Snapshot before = db.snapshot(Forum.TABLES);
    try (Handle h = db.jdbi().open()) {
      DeleteResult result = UserDeleter.destroyAll(h, List.of(f.alice(), f.alice(), f.alice()), PERMANENT);
      assertThat(result.deletedCount()).isEqualTo(1);
    }
    assertThat(db.snapshot(Forum.TABLES)).isEqualTo(ForumOracle.deleting(before, List.of(f.alice())).afterPermanentDelete());
  }

  @AllDatabases
  void rowsInTheWrongStateAreRefusedOrLeftAlone(TestDatabase db) {
    Fixture f = seed(db);
    try (Handle h = db.jdbi().open()) {
      refused(db, () -> UserRestorer.restore(h, f.alice()), NotDeletedException.class,
          "cannot restore users " + f.alice() + ": it is not deleted");
      refused(db, () -> UserRestorer.restore(h, 987_654L), NotDeletedException.class,
          "users 987654: it is neither soft-deleted nor in users_trash");

      UserDeleter.destroy(h, f.alice(), SOFT);
      Snapshot softDeleted = db.snapshot(Forum.TABLES_WITH_TRASH);
      DeleteResult again = UserDeleter.destroy(h, f.alice(), SOFT);
      assertThat(again.deletedCount()).as("a soft delete of a soft-deleted row is a no-op").isZero();
      assertThat(again.totalRows()).isZero();
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(softDeleted);

      String erased = UserDeleter.destroy(h, f.bob(), PERMANENT).deletionId();
      refused(db, () -> UserRestorer.restore(h, f.bob()), NotDeletedException.class,
          "cannot restore users " + f.bob() + ": operation " + erased + " deleted it (PERMANENT at ");
      refused(db, () -> UserRestorer.restore(h, f.bob()), NotDeletedException.class,
          "); rows deleted PERMANENTLY cannot be restored");
      DeleteResult gone = UserDeleter.destroy(h, f.bob(), PERMANENT);
      assertThat(gone.deletedCount()).as("deleting a row that is gone is a no-op").isZero();
    }
  }

  @AllDatabases
  void aStrategyTheModelCannotDoIsRefused(TestDatabase db) {
    Fixture f = seed(db);
    try (Handle h = db.jdbi().open()) {
      refused(db, () -> InvoiceDeleter.destroy(h, f.invoice(), SOFT), "invoices cannot be deleted with SOFT");
      refused(db, () -> SessionDeleter.destroy(h, f.session(), SOFT), "sessions cannot be deleted with SOFT");
      refused(db, () -> InvoiceDeleter.preview(h, f.invoice(), SOFT), "invoices cannot be deleted with SOFT");
    }
  }

  @AllDatabases
  void aClosedOrNullHandleIsRefused(TestDatabase db) {
    Fixture f = seed(db);
    Handle closed = db.jdbi().open();
    closed.close();
    refused(db, () -> UserDeleter.destroy(closed, f.alice()), "users: the handle is closed");
    refused(db, () -> UserDeleter.destroyAll(closed, List.of(f.alice(), f.bob()), SOFT), "the handle is closed");
    refused(db, () -> UserDeleter.preview(closed, f.alice()), "the handle is closed");
    refused(db, () -> UserRestorer.restore(closed, f.alice()), "the handle is closed");
    refused(db, () -> UserRestorer.restoreAll(closed), "the handle is closed");
    refused(db, () -> Journal.recent(closed, 5), "Journal: the handle is closed; open a new one");
    refused(db, () -> UserDeleter.notDeleted(closed, "u"), "the handle is closed; open a new one");
    refused(db, () -> UserDeleter.destroy(null, f.alice()), "users: the handle is null");
    refused(db, () -> UserRestorer.restoreAll(null), "users: the handle is null");
  }

  @AllDatabases
  void nullOptionsAreRefused(TestDatabase db) {
    Fixture f = seed(db);
    try (Handle h = db.jdbi().open()) {
      refused(db, () -> UserDeleter.destroy(h, f.alice(), null), "users: the options are null; pass DeleteOptions.defaults()");
      refused(db, () -> UserDeleter.preview(h, f.alice(), null), "the options are null");
      refused(db, () -> UserRestorer.restore(h, f.alice(), null), "users: the options are null; pass RestoreOptions.defaults()");
      refused(db, () -> UserRestorer.restoreAll(h, null), "the options are null");
      refused(db, () -> DeleteOptions.defaults().withStrategy(null), "withStrategy(null)");
      refused(db, () -> RestoreOptions.defaults().withOnIdConflict(null), "onIdConflict is null");
      refused(db, () -> UserDeleter.purge(h, null),
          "users: the options are null; pass PurgeOptions.olderThan(Duration.ofDays(30)), say, or"
              + " PurgeOptions.olderThan(Duration.ZERO) for every operation deleted until now");
      refused(db, () -> Journal.purge(h, null), "Journal.purge: the options are null; pass PurgeOptions.olderThan(");
    }
  }

  /**
   * The schema tools' arguments: a null schema, dialect or deletion id, or no schema at all, where
   * a newcomer's trial met {@code NullPointerException}s and a check of no schema that passed.
   */
  @AllDatabases
  void schemaToolsRefuseNullAndMissingArguments(TestDatabase db) {
    seed(db);
    try (Handle h = db.jdbi().open()) {
      CascadeSchema none = null;
      refused(db, () -> TrashTables.ddl(h, none), "TrashTables.ddl: schema 1 of 1 is null; pass the schema of a generated deleter");
      refused(db, () -> TrashTables.script(h, UserDeleter.schema(), none), "TrashTables.script: schema 2 of 2 is null");
      refused(db, () -> TrashTables.ddl((Dialect) null, UserDeleter.schema()), "TrashTables.ddl: the dialect is null; pass Dialect.of(handle)");
      refused(db, () -> TrashTables.ddl(h), "TrashTables.ddl: no schemas were given; pass the schema of each generated deleter");
      refused(db, () -> SchemaCheck.problems(h, true, none), "SchemaCheck.problems: schema 1 of 1 is null");
      refused(db, () -> SchemaCheck.problems(h, true), "SchemaCheck.problems: no schemas were given");
      refused(db, () -> SchemaCheck.verify(h, false), "SchemaCheck.verify: no schemas were given");
      refused(db, () -> SchemaCheck.verify(null, true, UserDeleter.schema()), "the handle is null");
      refused(db, () -> Journal.ddl(null), "Journal.ddl: the dialect is null");
      refused(db, () -> Journal.ddl(Dialect.of(h), " "), "Journal.ddl: the table name is empty");
      refused(db, () -> Journal.find(h, null), "Journal.find: the deletion id is null; pass the deletionId() of a DeleteResult");
    }
  }

  @Test
  void aCallerTransactionThatPostgresAbortedIsRefused() {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
      Fixture f = seed(db);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      try (Handle h = db.jdbi().open()) {
        h.begin();
        assertThatThrownBy(() -> h.execute("SELECT * FROM no_such_table")).isNotNull();
        assertThatThrownBy(() -> UserDeleter.destroy(h, f.alice(), SOFT))
            .isExactlyInstanceOf(CascadeException.class)
            .hasMessageContaining("a savepoint in the caller's transaction for users " + f.alice() + " failed (SQLState 25P02)");
        h.rollback();
      }
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }
}
