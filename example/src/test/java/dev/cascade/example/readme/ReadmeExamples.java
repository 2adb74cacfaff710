package dev.cascade.example.readme;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadePlugin;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.NotFoundException;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationNotRestorableException;
import dev.cascade.runtime.ParentStillDeletedException;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.runtime.RestorePreview;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.runtime.TrashTables;
import dev.cascade.runtime.TransactionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's Java examples, each a region between {@code // tag::name[]} and {@code //
 * end::name[]} (as JDBI's documentation includes regions of its test sources). They compile here,
 * {@link ReadmeTest} runs them on H2 and checks that README.md shows each region as it is.
 */
final class ReadmeExamples {
  private static final Logger log = LoggerFactory.getLogger(ReadmeExamples.class);

  /** What the README's events example asks of an audit: a check before each delete. */
  interface Audit {
    void check(User user);
  }

  /** Whoever the application says is signed in. */
  interface CurrentUser {
    String email();
  }

  private ReadmeExamples() {}

  static User overview(Handle handle, long id) {
    // tag::overview[]
    UserDeleter.destroy(handle, id);                                   // the model's strategy
    UserDeleter.destroy(handle, id, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
    DeletePreview preview = UserDeleter.preview(handle, id);           // counts; changes nothing
    User back = UserRestorer.restore(handle, id);
    // end::overview[]
    return back;
  }

  static void quickstart(Jdbi jdbi) {
    // tag::quickstart[]
    try (Handle handle = jdbi.open()) {
      DeleteResult result = UserDeleter.destroy(handle, 42L);   // SOFT, as the model says
      result.rowsByTable();     // {comments=12, posts=3, users=1}, in execution order
      result.deletedCount();    // 1: the one user named; 0 had there been no user 42
      result.deletionId();      // the operation's id, a UUID as a String
      User alice = UserRestorer.restore(handle, 42L);          // exactly those rows come back
    }
    // end::quickstart[]
  }

  static Jdbi plugin(DataSource dataSource, CurrentUser currentUser) {
    // tag::plugin[]
    Jdbi jdbi = Jdbi.create(dataSource)
        .installPlugin(new CascadePlugin()
            .withDefaultStrategy(DeleteStrategy.SOFT)       // for models that name none
            .withActorSupplier(() -> currentUser.email())   // who deletes, for the journal
            .withClock(Clock.systemUTC())                   // where deleted_at and the journal's times come from
            .withJournalTable("cascade_operations"));       // the default; null turns the journal off
    // end::plugin[]
    return jdbi;
  }

  static List<String> notDeleted(Handle handle) {
    // tag::not-deleted[]
    List<String> titles = handle.createQuery(
            "SELECT p.title FROM posts p JOIN users u ON u.id = p.user_id WHERE "
                + PostDeleter.notDeleted(handle, "p") + " AND " + UserDeleter.notDeleted(handle, "u"))
        .mapTo(String.class)
        .list();   // WHERE p.deleted_at IS NULL AND u.deleted_at IS NULL
    // end::not-deleted[]
    return titles;
  }

  static DeleteResult serializable(Jdbi jdbi, long id) {
    // tag::serializable[]
    try (Handle handle = jdbi.open()) {
      handle.setTransactionIsolationLevel(TransactionIsolationLevel.SERIALIZABLE);
      return UserDeleter.destroy(handle, id);   // retry on TransactionConflictException
    }
    // end::serializable[]
  }

  static void requireExisting(Handle handle, Collection<Long> ids) {
    // tag::require-existing[]
    try {
      UserDeleter.destroyAll(handle, ids, DeleteOptions.defaults().withRequireExisting(true));
    } catch (NotFoundException e) {
      e.table();   // "users"
      e.ids();     // the ids no row answered to; nothing was changed
    }
    // end::require-existing[]
  }

  static RestorePreview previews(Handle handle) {
    // tag::previews[]
    DeletePreview delete = UserDeleter.previewAll(handle, List.of(7L, 9L));   // what destroyAll would do
    delete.rowsByTable();     // {comments=12, posts=3, users=2}, and nullifiedByTable(), restrictedBy()

    RestorePreview undo = UserRestorer.preview(handle, 42L);
    undo.strategy();          // SOFT or TRASH: where the rows would come back from
    undo.rowsByTable();       // {users=1, posts=3, comments=12}: what would come back, parents first
    undo.blockedBy();         // the ParentStillDeletedException or IdTakenException restore would throw
    // end::previews[]
    return undo;
  }

  static void events(Jdbi jdbi, Audit audit) {
    // tag::events[]
    jdbi.getConfig(CascadeConfig.class)
        .onDeleting(User.class, (user, event) -> audit.check(user))
        .onDeleted(User.class, (user, event) ->
            log.info("{} deleted ({}); the operation removed {} rows: {}",
                user.name(), event.strategy(), event.operationTotalRows(), event.operationRowsByTable()));
    // end::events[]
  }

  static String trashTables(Handle handle) {
    // tag::trash-tables[]
    // DDL for every trash table these deleters need that the database lacks, each column of exactly
    // the type of the column it copies, read from this database (so the source tables must exist first):
    String migration = TrashTables.script(handle, UserDeleter.schema());   // for a migration file
    TrashTables.ddl(handle, UserDeleter.schema(), ProjectDeleter.schema()).forEach(handle::execute);   // or run now

    // Before touching data: missing tables or columns, trash columns whose type is not their source's,
    // FK columns without an index, and foreign keys the model does not name or with an ON DELETE action.
    boolean withTrash = true;   // check the trash tables too; false for a model that is never trashed
    List<String> problems = SchemaCheck.problems(handle, withTrash, UserDeleter.schema());
    SchemaCheck.verify(handle, withTrash, UserDeleter.schema());   // throws CascadeException listing them
    // end::trash-tables[]
    return migration;
  }

  /** What the purge and batches example did: the nightly purge, the dry run, the batched delete. */
  record PurgedAndBatched(PurgeResult purged, PurgeResult wouldBe, BatchResult result) {}

  static PurgedAndBatched purgeAndBatches(Handle handle, long userId) {
    // tag::purge-and-batches[]
    // Nightly: remove for good what every model soft-deleted or trashed more than 30 days ago.
    PurgeResult purged = Journal.purge(handle, PurgeOptions.olderThan(Duration.ofDays(30)));

    // One model, counting first, 5,000 rows a statement, with progress.
    PurgeResult wouldBe = UserDeleter.purge(handle, PurgeOptions.olderThan(Duration.ofDays(30)).withDryRun(true));
    UserDeleter.purge(handle, PurgeOptions.olderThan(Duration.ofDays(30)).withBatchSize(5_000)
        .withProgress(p -> log.info("{}: {} rows ({} in all)", p.table(), p.rows(), p.totalRows())));

    // A user too big for one transaction: committed batch by batch, the user row last.
    BatchResult result = UserDeleter.destroyInBatches(handle, userId,
        BatchOptions.defaults().withStrategy(DeleteStrategy.TRASH).withBatchSize(10_000));
    // end::purge-and-batches[]
    return new PurgedAndBatched(purged, wouldBe, result);
  }

  static List<User> journal(Handle handle) {
    // tag::journal[]
    UserDeleter.destroy(handle, 42L, DeleteOptions.defaults()
        .withActor("alice@example.com")      // who; without it, CascadeConfig's actor supplier says
        .withReason("GDPR request 4711"));   // why

    for (Operation op : Journal.recent(handle, 20)) {   // newest first
      log.info("{} {} {} {} by {} ({}): {} rows, {}", op.deletedAt(), op.strategy(), op.table(), op.ids(),
          op.actor().orElse("?"), op.reason().orElse("no reason"), op.totalRows(), op.state());
    }   // 2025-06-01T12:00:00Z SOFT users [42] by alice@example.com (GDPR request 4711): 16 rows, DELETED

    Operation last = Journal.recent(handle, 1).get(0);
    List<User> back = UserRestorer.restoreOperation(handle, last.deletionId());   // that delete, all its roots
    Journal.find(handle, last.deletionId()).orElseThrow().state();              // RESTORED, at restoredAt()
    // end::journal[]
    return back;
  }

  static String undo(Handle handle, String deletionId) {
    // tag::undo[]
    try {
      List<User> back = UserRestorer.restoreOperation(handle, deletionId);
      return "restored " + back.size() + " users";
    } catch (OperationNotRestorableException e) {
      return "cannot undo: " + e.reason();   // UNKNOWN, PERMANENT, RESTORED, PURGED, OTHER_TABLE, CHANGED, UNFINISHED
    } catch (ParentStillDeletedException e) {   // nothing was changed
      return e.parentDeletionId()
          .map(parentDelete -> "first undo " + parentDelete + ", which deleted " + e.parentTable() + " " + e.parentKey())
          .orElse(e.parentTable() + " " + e.parentKey() + " is gone for good");
    }
    // end::undo[]
  }

  static void sqliteOffsetDateTime(Jdbi jdbi) {
    // tag::sqlite-offset-date-time[]
    jdbi.registerColumnMapper(OffsetDateTime.class, (rs, column, ctx) -> {
      Object value = rs.getObject(column);
      return value == null ? null
          : value instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()).atOffset(ZoneOffset.UTC)
          : OffsetDateTime.parse(value.toString());
    });
    // end::sqlite-offset-date-time[]
  }

  static DeleteResult retry(Handle handle, long id) throws InterruptedException {
    // tag::retry[]
    for (int attempt = 1; ; attempt++) {
      try {
        return UserDeleter.destroy(handle, id);
      } catch (TransactionConflictException e) {   // nothing was changed
        if (attempt == 3) {
          throw e;
        }
        Thread.sleep(50L * attempt);
      }
    }
    // end::retry[]
  }
}
