package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.drive.Drives;
import dev.cascade.it.drive.FolderDeleter;
import dev.cascade.it.forum.CommentDeleter;
import dev.cascade.it.forum.CommentRestorer;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.ForumOracle;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteRestrictedException;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.NotDeletedException;
import dev.cascade.runtime.Operation;
import dev.cascade.runtime.OperationNotRestorableException;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.Progress;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** Purges: whole operations older than the cutoff, for good, batch by batch, on every database. */
class PurgeTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final Instant START = Instant.parse("2024-01-01T10:00:00Z");
  private static final PurgeOptions THIRTY_DAYS = PurgeOptions.olderThan(Duration.ofDays(30));

  /** A clock at {@link #START}, on this handle. */
  private static MovingClock clock(Handle handle) {
    MovingClock clock = new MovingClock(START);
    handle.getConfig(CascadeConfig.class).setClock(clock);
    return clock;
  }

  private static OperationState state(Handle handle, DeleteResult delete) {
    return Journal.find(handle, delete.deletionId()).orElseThrow().state();
  }

  /** Rows by table as a purge of the trash names them: by trash table. */
  private static Map<String, Long> inTrash(Map<String, Long> rowsByTable) {
    Map<String, Long> trash = new LinkedHashMap<>();
    rowsByTable.forEach((table, rows) -> trash.put(table + "_trash", rows));
    return trash;
  }

  /**
   * A {@code META-INF/services} list that names a deleter no longer there, as a build that removed
   * a model may leave it (a newcomer's trial, an IDE's build): {@code Journal.purge} threw the
   * {@code ServiceLoader}'s {@code ServiceConfigurationError}. It now says to rebuild, and changes
   * nothing.
   */
  @AllDatabases
  void aListedDeleterThatIsNotThereStopsJournalPurgeSayingToRebuild(TestDatabase db) throws IOException {
    Forum.createWithTrash(db);
    Path classes = Files.createTempDirectory("cascade-stale-services");
    Path services = classes.resolve("META-INF/services/dev.cascade.runtime.internal.GeneratedDeleter");
    Files.createDirectories(services.getParent());
    Files.writeString(services, "dev.cascade.it.gone.NoteDeleter$Registration\n");
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (Handle handle = db.jdbi().open();
        URLClassLoader stale = new URLClassLoader(new URL[] {classes.toUri().toURL()}, original)) {
      MovingClock clock = clock(handle);
      DeleteResult old = UserDeleter.destroy(handle, BatchDeleteTest.crossedForum(handle).alice(), TRASH);
      clock.pass(Duration.ofDays(40));
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      thread.setContextClassLoader(stale);

      assertThatThrownBy(() -> Journal.purge(handle, THIRTY_DAYS))
          .isExactlyInstanceOf(CascadeException.class)
          .hasMessageContaining("Journal.purge cannot load the generated deleters that"
              + " META-INF/services/dev.cascade.runtime.internal.GeneratedDeleter lists")
          .hasMessageContaining("dev.cascade.it.gone.NoteDeleter$Registration")
          .hasMessageEndingWith("so nothing was purged: a build left the list of an earlier one; rebuild the module"
              + " that holds the models from clean (mvn clean compile)");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
      assertThat(state(handle, old)).isEqualTo(OperationState.DELETED);
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  /** An age of zero empties the trash of everything deleted before the call (a newcomer's trial asked for it). */
  @AllDatabases
  void anAgeOfZeroPurgesEveryOperationDeletedBeforeNow(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long trashedUser = BatchDeleteTest.crossedForum(handle).alice();
      long softDeletedUser = BatchDeleteTest.crossedForum(handle).alice();
      MovingClock clock = clock(handle);
      DeleteResult trashed = UserDeleter.destroy(handle, trashedUser, TRASH);
      clock.pass(Duration.ofSeconds(1));
      DeleteResult softDeleted = UserDeleter.destroy(handle, softDeletedUser, SOFT);
      clock.pass(Duration.ofSeconds(1));
      Snapshot before = db.snapshot(Forum.TABLES);

      PurgeResult purged = UserDeleter.purge(handle, PurgeOptions.olderThan(Duration.ZERO));

      assertThat(purged.operations()).isEqualTo(2);
      assertThat(state(handle, trashed)).isEqualTo(OperationState.PURGED);
      assertThat(state(handle, softDeleted)).isEqualTo(OperationState.PURGED);
      for (String table : List.of("users", "posts", "comments", "likes", "reactions")) {
        assertThat(db.snapshot(Forum.TABLES_WITH_TRASH).rows(table + "_trash")).as(table).isEmpty();
      }
      assertThat(db.snapshot(Forum.TABLES).rows("users")).hasSize(before.rows("users").size() - 1);
    }
  }

  /**
   * A comment soft-deleted on its own, then its author's soft delete purged: the purge removed the
   * comment with its author, and restoring the comment's operation says so (a newcomer's trial was
   * told only "restored or deleted again since, one by one").
   */
  @AllDatabases
  void restoringAnOperationAParentsPurgeRemovedSaysItMayHaveGoneWithTheParent(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = Forum.on(handle);
      long author = forum.user("author");
      long comment = forum.comment(forum.post(author, "a post"), author, "a comment");
      MovingClock clock = clock(handle);
      DeleteResult commentDeleted = CommentDeleter.destroy(handle, comment, SOFT);
      clock.pass(Duration.ofSeconds(1));
      UserDeleter.destroy(handle, author, SOFT);
      clock.pass(Duration.ofSeconds(1));
      assertThat(UserDeleter.purge(handle, PurgeOptions.olderThan(Duration.ZERO)).operations()).isEqualTo(1);
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      assertThatThrownBy(() -> CommentRestorer.restoreOperation(handle, commentDeleted.deletionId()))
          .isInstanceOfSatisfying(OperationNotRestorableException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationNotRestorableException.Reason.CHANGED))
          .hasMessageContaining("or removed for good with a parent (a PERMANENT delete, or the purge of a parent's delete)");
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }

  @AllDatabases
  void aPurgeRemovesTrashedOperationsOlderThanTheCutoffAndNothingYounger(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      long carol = BatchDeleteTest.crossedForum(handle).alice();
      MovingClock clock = clock(handle);
      DeleteResult old = UserDeleter.destroy(handle, alice, TRASH);
      clock.pass(Duration.ofDays(40));
      DeleteResult young = UserDeleter.destroy(handle, carol, TRASH);
      clock.pass(Duration.ofDays(10));
      Snapshot live = db.snapshot(Forum.TABLES);

      PurgeResult purged = UserDeleter.purge(handle, THIRTY_DAYS);

      assertThat(purged.dryRun()).isFalse();
      assertThat(purged.operations()).isEqualTo(1);
      assertThat(purged.rowsByTable()).isEqualTo(inTrash(old.rowsByTable()));
      assertThat(db.snapshot(Forum.TABLES)).as("live tables").isEqualTo(live);
      Snapshot trash = db.snapshot(Forum.TABLES_WITH_TRASH);
      for (String table : List.of("users", "posts", "comments", "likes", "reactions")) {
        assertThat(trash.rows(table + "_trash")).as(table)
            .hasSize(young.rowsByTable().getOrDefault(table, 0L).intValue())
            .allSatisfy(row -> assertThat(row.get("deletion_id")).isEqualTo(young.deletionId()));
      }
      Operation operation = Journal.find(handle, old.deletionId()).orElseThrow();
      assertThat(operation.state()).isEqualTo(OperationState.PURGED);
      assertThat(operation.purgedAt()).hasValue(clock.instant());
      assertThat(state(handle, young)).isEqualTo(OperationState.DELETED);
      assertThatThrownBy(() -> UserRestorer.restoreOperation(handle, old.deletionId()))
          .isInstanceOfSatisfying(OperationNotRestorableException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationNotRestorableException.Reason.PURGED));
      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOf(NotDeletedException.class)
          .hasMessage("cannot restore users " + alice + ": operation " + old.deletionId() + " deleted it (TRASH at "
              + START + "), and a purge removed it for good at " + clock.instant() + "; purged rows cannot be restored");

      assertThat(UserDeleter.purge(handle, THIRTY_DAYS).operations()).as("a second purge").isZero();
      UserRestorer.restore(handle, carol);
      assertThat(state(handle, young)).isEqualTo(OperationState.RESTORED);
    }
  }

  @AllDatabases
  void aPurgeRemovesSoftDeletedOperationsForGoodWithWhatHangsBelowThem(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      long carol = BatchDeleteTest.crossedForum(handle).alice();
      long earlier = handle.select("SELECT MIN(id) FROM comments WHERE user_id = ?", alice).mapTo(Long.class).one();
      MovingClock clock = clock(handle);
      DeleteResult own = CommentDeleter.destroy(handle, earlier, SOFT);
      clock.pass(Duration.ofDays(1));
      DeleteResult old = UserDeleter.destroy(handle, alice, SOFT);
      clock.pass(Duration.ofDays(40));
      DeleteResult young = UserDeleter.destroy(handle, carol, SOFT);
      clock.pass(Duration.ofDays(10));
      Snapshot deleted = db.snapshot(Forum.TABLES);
      ForumOracle oracle = ForumOracle.deleting(deleted, List.of(alice));

      PurgeResult purged = UserDeleter.purge(handle, THIRTY_DAYS);

      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(oracle.afterPermanentDelete());
      assertThat(purged.operations()).isEqualTo(1);
      assertThat(purged.rowsByTable()).isEqualTo(oracle.rowsByTable());
      assertThat(purged.nullifiedByTable()).isEqualTo(Map.of("sessions", oracle.sessionsUnlinked()));
      assertThat(state(handle, old)).isEqualTo(OperationState.PURGED);
      assertThat(state(handle, young)).isEqualTo(OperationState.DELETED);
      assertThat(state(handle, own)).as("rooted at comments: UserDeleter does not purge it").isEqualTo(OperationState.DELETED);
      // Trial 26 was told the connection saw no trash table, and went looking for one.
      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOf(NotDeletedException.class)
          .hasMessage("cannot restore users " + alice + ": operation " + old.deletionId() + " deleted it (SOFT at "
              + START.plus(Duration.ofDays(1)) + "), and a purge removed it for good at " + clock.instant()
              + "; purged rows cannot be restored");

      UserRestorer.restore(handle, carol);
      assertThat(db.snapshot(Forum.TABLES).rows("users")).extracting(r -> r.get("deleted_at")).containsOnlyNulls();
    }
  }

  /**
   * A row that a RESTRICT relation protects, added under a soft-deleted user since its delete,
   * blocks the purge of that user, which says it was purging, and nothing is purged.
   */
  @AllDatabases
  void aRestrictedRowAddedSinceBlocksThePurgeSayingSoAndNothingIsPurged(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      MovingClock clock = clock(handle);
      DeleteResult old = UserDeleter.destroy(handle, alice, SOFT);
      Forum.on(handle).invoice(alice, 500);
      clock.pass(Duration.ofDays(40));
      Snapshot before = db.snapshot(Forum.TABLES);

      PurgeResult counted = UserDeleter.purge(handle, THIRTY_DAYS.withDryRun(true));
      assertThat(counted.restrictedBy()).containsExactly(entry("invoices", 1L));
      assertThat(counted.isRestricted()).isTrue();
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
      assertThatThrownBy(() -> UserDeleter.purge(handle, THIRTY_DAYS))
          .isInstanceOf(DeleteRestrictedException.class)
          .hasMessage("cannot delete users " + alice + " (soft-deleted longer ago than the purge's age, which it removes"
              + " for good; nothing was purged): 1 row of invoices still points at users " + alice + ", which it would"
              + " delete, through invoices.user_id, a RESTRICT relation; delete or move those rows first");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
      assertThat(state(handle, old)).isEqualTo(OperationState.DELETED);
    }
  }

  /**
   * Alice's comment on her post, soft-deleted on its own, then, {@code later}, the post trashed
   * with it: the comment's copy in the trash carries the soft delete's marker.
   */
  private record CommentThenPost(long post, long comment, DeleteResult commentSoftDeleted, DeleteResult postTrashed) {
    static CommentThenPost delete(Handle handle, MovingClock clock, Duration later) {
      Forum forum = Forum.on(handle);
      long alice = forum.user("alice");
      long post = forum.post(alice, "hello");
      long comment = forum.comment(post, alice, "old");
      DeleteResult commentDeleted = CommentDeleter.destroy(handle, comment, SOFT);
      clock.pass(later);
      return new CommentThenPost(post, comment, commentDeleted, PostDeleter.destroy(handle, post, TRASH));
    }
  }

  /**
   * A restore that comes once a purge has begun on its operation is refused and changes nothing,
   * soft-deleted or trashed: the purge claimed the operations in the journal before its first
   * batch. A newcomer's trial restored a course between two batches: a soft-deleted one came back
   * and the purge then deleted it, for good, with the journal saying {@code RESTORED}; a trashed one
   * came back without the rows the first batch had removed.
   */
  @AllDatabases
  void aRestoreOnceAPurgeHasBegunIsRefusedAndThePurgeFinishes(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open(); Handle other = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      long carol = BatchDeleteTest.crossedForum(handle).alice();
      MovingClock clock = clock(handle);
      DeleteResult softened = UserDeleter.destroy(handle, alice, SOFT);
      DeleteResult trashed = UserDeleter.destroy(handle, carol, TRASH);
      clock.pass(Duration.ofDays(40));
      ForumOracle oracle = ForumOracle.deleting(db.snapshot(Forum.TABLES), List.of(alice));
      List<Runnable> restores = List.of(
          () -> UserRestorer.restoreOperation(other, softened.deletionId()),
          () -> UserRestorer.restore(other, alice),
          () -> UserRestorer.restoreOperation(other, trashed.deletionId()),
          () -> UserRestorer.restore(other, carol));
      List<RuntimeException> refused = new ArrayList<>();
      PurgeOptions restoringOnTheFirstBatch = THIRTY_DAYS.withBatchSize(2).withProgress(progress -> {
        if (refused.isEmpty()) {
          for (Runnable restore : restores) {
            try {
              restore.run();
              refused.add(new IllegalStateException("restored while the purge ran"));
            } catch (RuntimeException e) {
              refused.add(e);
            }
          }
        }
      });

      PurgeResult purged = UserDeleter.purge(handle, restoringOnTheFirstBatch);

      assertThat(refused).hasSize(4).allSatisfy(e -> assertThat(e)
          .isInstanceOfSatisfying(OperationNotRestorableException.class,
              refusal -> assertThat(refusal.reason()).isEqualTo(OperationNotRestorableException.Reason.PURGED))
          .hasMessageContaining("a purge began"));
      assertThat(purged.operations()).isEqualTo(2);
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(oracle.afterPermanentDelete());
      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH).rows("users_trash")).isEmpty();
      assertThat(state(handle, softened)).isEqualTo(OperationState.PURGED);
      assertThat(state(handle, trashed)).isEqualTo(OperationState.PURGED);
    }
  }

  /**
   * A soft delete whose rows carry a {@code deleted_at} that no operation in the journal wrote
   * (as an application instance in another time zone writes a timestamp column without one) is
   * neither purged nor marked {@code PURGED}, and its restore says why. A newcomer's trial deleted
   * from an instance in Asia/Kolkata and purged from one in UTC: the purge marked the operation
   * {@code PURGED} with every row still there, and the restore said the rows were "restored or
   * deleted again since".
   */
  @AllDatabases
  void anOperationWhoseRowsCarryATimeNoOperationWroteIsNotPurgedAndSaysWhy(TestDatabase db) {
    Forum.create(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      Snapshot live = db.snapshot(Forum.TABLES);
      MovingClock clock = clock(handle);
      DeleteResult old = UserDeleter.destroy(handle, alice, SOFT);
      Instant kolkata = START.plus(Duration.ofHours(5).plusMinutes(30));
      for (String table : List.of("users", "posts", "comments", "likes", "reactions")) {
        handle.createUpdate("UPDATE " + table + " SET deleted_at = :at WHERE deleted_at = :marker")
            .bind("at", kolkata).bind("marker", START).execute();
      }
      clock.pass(Duration.ofDays(40));
      Snapshot before = db.snapshot(Forum.TABLES);

      assertThatThrownBy(() -> UserDeleter.purge(handle, THIRTY_DAYS))
          .isInstanceOf(CascadeException.class)
          .hasMessageStartingWith("cannot purge operation " + old.deletionId() + ": users [" + alice + "] carry deleted_at ["
              + kolkata + "], which no operation in the journal wrote, where this operation wrote " + START
              + " (5 h 30 min apart)")
          .hasMessageContaining("another time zone");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
      assertThat(state(handle, old)).isEqualTo(OperationState.DELETED);
      assertThatThrownBy(() -> UserRestorer.restoreOperation(handle, old.deletionId()))
          .isInstanceOfSatisfying(OperationNotRestorableException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationNotRestorableException.Reason.CHANGED))
          .hasMessageContaining("which no operation in the journal wrote");

      // The way on that the README gives: restore them by id, and the next purge goes on.
      UserRestorer.restore(handle, alice);
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(live);
      assertThat(UserDeleter.purge(handle, THIRTY_DAYS).totalRows()).isZero();
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(live);
    }
  }

  /**
   * A purge that comes while a restore of its operation is under way waits for it, and then
   * leaves the restored rows alone.
   */
  @AllDatabases
  void aPurgeWaitsForARestoreUnderWayAndLeavesWhatItRestored(TestDatabase db) throws Exception {
    Forum.create(db);
    try (Handle handle = db.jdbi().open(); Handle other = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      Snapshot before = db.snapshot(Forum.TABLES);
      MovingClock clock = clock(handle);
      DeleteResult old = UserDeleter.destroy(handle, alice, SOFT);
      clock.pass(Duration.ofDays(40));

      other.begin();
      UserRestorer.restoreOperation(other, old.deletionId());
      CompletableFuture<PurgeResult> purge = CompletableFuture.supplyAsync(() -> UserDeleter.purge(handle, THIRTY_DAYS));
      Thread.sleep(300);
      other.commit();
      PurgeResult purged = purge.get(60, TimeUnit.SECONDS);

      assertThat(purged.operations()).isZero();
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
      assertThat(state(handle, old)).isEqualTo(OperationState.RESTORED);
    }
  }

  /**
   * A soft delete whose root a table outside the model points at, through a plain foreign key: the
   * purge refuses it before its first batch, nothing of it removed, where the database refused the
   * root only after the batches had removed what hangs below it, for good (a newcomer's trial). The
   * trash purged in the same call stays purged; once the rows outside the model are gone, the next
   * purge removes the soft delete.
   */
  @AllDatabases
  void aSoftDeleteWhoseRootATableOutsideTheModelPointsAtIsNotPurgedAndLosesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Badged badged =
          badged(db, handle, "user_id BIGINT NOT NULL, FOREIGN KEY (user_id) REFERENCES users (id)",
              Optional.of("INSERT INTO badges (user_id) VALUES (?)"));
      long alice = badged.alice();
      DeleteResult soft = badged.soft();
      DeleteResult trash = badged.trash();
      Snapshot before = db.snapshot(Forum.TABLES);

      // A dry run says what would stop the purge (trial 24's counted one the real purge refused).
      assertThat(UserDeleter.purge(handle, THIRTY_DAYS.withDryRun(true)).restrictedBy()).containsExactly(entry("badges", 1L));
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
      assertThatThrownBy(() -> UserDeleter.purge(handle, THIRTY_DAYS.withBatchSize(2)))
          .isExactlyInstanceOf(CascadeException.class)
          .hasMessageStartingWith("cannot purge users [" + alice + "]: rows of badges point at them (badges.user_id), a"
              + " foreign key the model does not name")
          .hasMessageEndingWith("the soft deletes this purge took up are left as they were, none of their rows removed");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
      assertThat(state(handle, soft)).isEqualTo(OperationState.DELETED);
      assertThat(state(handle, trash)).isEqualTo(OperationState.PURGED);

      purgedOnceTheBadgesAreGone(handle, badged);
    }
  }

  /**
   * The same foreign key into a table below the root: the purge refuses the soft delete before its
   * first batch too, naming the rows pointed at, where 0.2 removed what hangs below them first and
   * stopped there, the operation left {@code PURGING}, half purged (a newcomer's trial).
   */
  @AllDatabases
  void aSoftDeleteWhoseCascadeATableOutsideTheModelPointsAtIsNotPurgedAndLosesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Badged badged =
          badged(db, handle, "post_id BIGINT NOT NULL, FOREIGN KEY (post_id) REFERENCES posts (id)",
              Optional.of(BADGE_ON_A_POST));
      long alice = badged.alice();
      long post = handle.select("SELECT post_id FROM badges").mapTo(Long.class).one();
      Snapshot before = db.snapshot(Forum.TABLES);

      assertThat(UserDeleter.purge(handle, THIRTY_DAYS.withDryRun(true)).restrictedBy()).containsExactly(entry("badges", 1L));
      assertThatThrownBy(() -> UserDeleter.purge(handle, THIRTY_DAYS.withBatchSize(2)))
          .isExactlyInstanceOf(CascadeException.class)
          .hasMessageStartingWith("cannot purge users [" + alice + "]: rows of badges point at posts [" + post + "] in"
              + " their cascade (badges.post_id), a foreign key the model does not name, so the database would refuse"
              + " to delete those posts after the purge had removed, for good, what hangs below them; name the"
              + " relation in the model (@HasMany on the record of posts, @BelongsTo on the component of the record of"
              + " badges)")
          .hasMessageEndingWith("the soft deletes this purge took up are left as they were, none of their rows removed");
      assertThat(db.snapshot(Forum.TABLES)).isEqualTo(before);
      assertThat(state(handle, badged.soft())).isEqualTo(OperationState.DELETED);
      assertThat(state(handle, badged.trash())).isEqualTo(OperationState.PURGED);

      purgedOnceTheBadgesAreGone(handle, badged);
    }
  }

  /**
   * A comment's column that points at users through a foreign key the model does not name: alice's
   * comments go before her in the cascade, so they hold nothing up, and the purge removes her.
   */
  @AllDatabases
  void aForeignKeyOutsideTheModelFromRowsTheCascadeDeletesFirstHoldsNothingUp(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      boolean sqlite = db.kind() == DatabaseKind.SQLITE;
      handle.execute("ALTER TABLE comments ADD COLUMN edited_by BIGINT" + (sqlite ? " REFERENCES users (id)" : ""));
      if (!sqlite) {
        handle.execute("ALTER TABLE comments ADD FOREIGN KEY (edited_by) REFERENCES users (id)");
      }
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      handle.execute("UPDATE comments SET edited_by = user_id");
      MovingClock clock = clock(handle);
      DeleteResult soft = UserDeleter.destroy(handle, alice, SOFT);
      clock.pass(Duration.ofDays(40));

      assertThat(UserDeleter.purge(handle, THIRTY_DAYS.withBatchSize(2)).operations()).isEqualTo(1);

      assertThat(state(handle, soft)).isEqualTo(OperationState.PURGED);
      assertThat(handle.select("SELECT COUNT(*) FROM users WHERE id = ?", alice).mapTo(Long.class).one()).isZero();
      assertThat(handle.select("SELECT COUNT(*) FROM comments WHERE edited_by = ?", alice).mapTo(Long.class).one()).isZero();
    }
  }

  /**
   * A foreign key the purge's check could not see, a row added after the soft delete's first batch
   * (the trash's batches run before): the purge stops after its batches, the trash purged in the
   * same call stays purged, and the soft delete stays {@code PURGING}, which no restore takes back,
   * also when the next purge refuses it before a batch of its own (0.2 gave it back then, and a
   * restore brought back the root without what the first purge had removed: a newcomer's trial).
   * Once the row is gone, the next purge finishes.
   */
  @AllDatabases
  void aSoftDeleteThatAForeignKeyStopsAfterItsBatchesStaysPurgingUntilItsPurgeCanFinish(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      Badged badged =
          badged(db, handle, "post_id BIGINT NOT NULL, FOREIGN KEY (post_id) REFERENCES posts (id)", Optional.empty());
      long alice = badged.alice();
      DeleteResult soft = badged.soft();
      DeleteResult trash = badged.trash();
      String staying = "operations [" + soft.deletionId() + "] stay PURGING, which no restore takes back, and the next"
          + " purge finishes them once the cause is gone";
      AtomicBoolean added = new AtomicBoolean();
      Consumer<Progress> badgeAfterTheFirstBatch = progress -> {
        if (!progress.table().endsWith("_trash") && added.compareAndSet(false, true)) {
          handle.execute(BADGE_ON_A_POST, alice);
        }
      };

      assertThatThrownBy(() -> UserDeleter.purge(handle, THIRTY_DAYS.withBatchSize(2).withProgress(badgeAfterTheFirstBatch)))
          .isExactlyInstanceOf(CascadeException.class)
          .hasMessageContaining("still point at these posts rows")
          .hasMessageContaining("batches before it stay committed")
          .hasMessageEndingWith(staying);
      assertThat(state(handle, trash)).isEqualTo(OperationState.PURGED);
      assertThat(state(handle, soft)).isEqualTo(OperationState.PURGING);
      assertThat(handle.select("SELECT COUNT(*) FROM comments WHERE user_id = ?", alice).mapTo(Long.class).one())
          .as("alice's comments, purged before the refusal").isZero();
      assertThatThrownBy(() -> UserRestorer.restore(handle, alice))
          .isInstanceOfSatisfying(OperationNotRestorableException.class,
              e -> assertThat(e.reason()).isEqualTo(OperationNotRestorableException.Reason.PURGED));

      assertThatThrownBy(() -> UserDeleter.purge(handle, THIRTY_DAYS)).hasMessageEndingWith(staying);
      assertThat(state(handle, soft)).as("after a second purge that failed").isEqualTo(OperationState.PURGING);
      assertThatThrownBy(() -> UserRestorer.restore(handle, alice)).isInstanceOf(OperationNotRestorableException.class);

      purgedOnceTheBadgesAreGone(handle, badged);
    }
  }

  /** With the badges gone, the next purge removes alice's soft delete: she is gone for good. */
  private static void purgedOnceTheBadgesAreGone(Handle handle, Badged badged) {
    handle.execute("DELETE FROM badges");
    assertThat(UserDeleter.purge(handle, THIRTY_DAYS).operations()).isEqualTo(1);
    assertThat(state(handle, badged.soft())).isEqualTo(OperationState.PURGED);
    assertThat(handle.select("SELECT COUNT(*) FROM users WHERE id = ?", badged.alice()).mapTo(Long.class).one()).isZero();
  }

  /** Alice's badge on her first post. */
  private static final String BADGE_ON_A_POST = "INSERT INTO badges (post_id) SELECT MIN(id) FROM posts WHERE user_id = ?";

  /** Alice soft-deleted with a badge outside the model pointing at her rows, carol trashed, 40 days ago. */
  private record Badged(long alice, DeleteResult soft, DeleteResult trash) {}

  /**
   * On the forum with trash tables: a table of badges outside the model ({@code columns} after its
   * key), alice's badge if any ({@code insert}, bound to her id), and two operations 40 days old for
   * the purges above: carol and her post trashed, which they purge first, and alice soft-deleted.
   */
  private static Badged badged(TestDatabase db, Handle handle, String columns, Optional<String> insert) {
    handle.execute(db.kind().ddl("CREATE TABLE badges (id ${id}, " + columns + ")"));
    long alice = BatchDeleteTest.crossedForum(handle).alice();
    MovingClock clock = clock(handle);
    Forum forum = Forum.on(handle);
    long carol = forum.user("carol");
    forum.post(carol, "carol writes");
    DeleteResult trash = UserDeleter.destroy(handle, carol, TRASH);
    insert.ifPresent(sql -> handle.execute(sql, alice));
    DeleteResult soft = UserDeleter.destroy(handle, alice, SOFT);
    clock.pass(Duration.ofDays(40));
    return new Badged(alice, soft, trash);
  }

  @AllDatabases
  void aSoftDeleteWhoseRowsALaterDeleteTrashedWaitsForThatTrashAndIsPurgedOnceItIsRestored(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      MovingClock clock = clock(handle);
      CommentThenPost deleted = CommentThenPost.delete(handle, clock, Duration.ofDays(25));
      long post = deleted.post();
      long comment = deleted.comment();
      DeleteResult commentDeleted = deleted.commentSoftDeleted();
      clock.pass(Duration.ofDays(6));

      PurgeResult first = Journal.purge(handle, THIRTY_DAYS);

      assertThat(first.operations()).as("the comment's delete waits for the post's trash").isZero();
      assertThat(state(handle, commentDeleted)).isEqualTo(OperationState.DELETED);
      assertThat(handle.select("SELECT COUNT(*) FROM comments_trash WHERE id = ?", comment).mapTo(Long.class).one())
          .isEqualTo(1L);

      clock.pass(Duration.ofDays(1));
      PostRestorer.restore(handle, post);
      assertThat(handle.select("SELECT COUNT(*) FROM comments WHERE id = ? AND deleted_at IS NOT NULL", comment)
              .mapTo(Long.class).one())
          .as("back, soft-deleted as it was").isEqualTo(1L);

      PurgeResult second = Journal.purge(handle, THIRTY_DAYS);

      assertThat(second.operations()).isEqualTo(1);
      assertThat(state(handle, commentDeleted)).isEqualTo(OperationState.PURGED);
      assertThat(handle.select("SELECT COUNT(*) FROM comments WHERE id = ?", comment).mapTo(Long.class).one()).isZero();
      assertThat(handle.select("SELECT COUNT(*) FROM posts WHERE id = ?", post).mapTo(Long.class).one()).isEqualTo(1L);
    }
  }

  @AllDatabases
  void aSoftDeleteWhoseTrashIsPurgedIsPurgedByTheNextCallOnceNothingOfItIsLeft(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      MovingClock clock = clock(handle);
      CommentThenPost deleted = CommentThenPost.delete(handle, clock, Duration.ofDays(1));
      DeleteResult commentDeleted = deleted.commentSoftDeleted();
      DeleteResult postTrashed = deleted.postTrashed();
      clock.pass(Duration.ofDays(40));

      PurgeResult first = Journal.purge(handle, THIRTY_DAYS);

      assertThat(first.operations()).as("comments come before posts: the comment's delete still waits").isEqualTo(1);
      assertThat(state(handle, postTrashed)).isEqualTo(OperationState.PURGED);
      assertThat(state(handle, commentDeleted)).isEqualTo(OperationState.DELETED);
      assertThat(handle.select("SELECT COUNT(*) FROM comments_trash").mapTo(Long.class).one()).isZero();

      PurgeResult second = Journal.purge(handle, THIRTY_DAYS);

      assertThat(second.operations()).isEqualTo(1);
      assertThat(state(handle, commentDeleted)).isEqualTo(OperationState.PURGED);
    }
  }

  @AllDatabases
  void aPurgeOfASoftDeletedSubtreeGoesLeavesFirst(TestDatabase db) {
    Drives.create(db);
    try (Handle handle = db.jdbi().open()) {
      long drive = Drives.drive(handle, "work");
      long top = Drives.chain(handle, drive, null, 5, "a");
      long middle = handle.select("SELECT id FROM folders WHERE name = 'a-1'").mapTo(Long.class).one();
      Drives.chain(handle, drive, middle, 3, "beside");
      MovingClock clock = clock(handle);
      DeleteResult old = FolderDeleter.destroy(handle, middle, SOFT);
      clock.pass(Duration.ofDays(31));
      Snapshot before = db.snapshot(Drives.TABLES);
      Set<Long> gone = Drives.subtree(before, Set.of(middle));

      PurgeResult purged = FolderDeleter.purge(handle, THIRTY_DAYS.withBatchSize(2));

      assertThat(db.snapshot(Drives.TABLES)).isEqualTo(before
          .without("folders", r -> gone.contains((Long) r.get("id")))
          .without("documents", r -> gone.contains((Long) r.get("folder_id"))));
      assertThat(purged.rowsByTable()).isEqualTo(Map.of("documents", (long) gone.size(), "folders", (long) gone.size()));
      assertThat(state(handle, old)).isEqualTo(OperationState.PURGED);
      assertThat(db.snapshot(Drives.TABLES).ids("folders")).contains(top);
    }
  }

  @AllDatabases
  void aDryRunCountsWhatThePurgeRemovesAndChangesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      long carol = BatchDeleteTest.crossedForum(handle).alice();
      MovingClock clock = clock(handle);
      UserDeleter.destroy(handle, alice, TRASH);
      UserDeleter.destroy(handle, carol, SOFT);
      clock.pass(Duration.ofDays(31));
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);
      List<Operation> journal = Journal.recent(handle, 10);
      List<Progress> progress = new ArrayList<>();

      PurgeResult counted = UserDeleter.purge(handle, THIRTY_DAYS.withDryRun(true).withProgress(progress::add));

      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
      assertThat(Journal.recent(handle, 10)).isEqualTo(journal);
      assertThat(counted.dryRun()).isTrue();
      assertThat(counted.batches()).isZero();
      assertThat(counted.restrictedBy()).isEmpty();
      assertThat(progress).isEmpty();

      PurgeResult purged = UserDeleter.purge(handle, THIRTY_DAYS);

      assertThat(counted.operations()).isEqualTo(purged.operations()).isEqualTo(2);
      assertThat(counted.rowsByTable()).isEqualTo(purged.rowsByTable());
      assertThat(counted.nullifiedByTable()).isEqualTo(purged.nullifiedByTable());
    }
  }

  /**
   * A dry run names only the tables the purge would change: a newcomer's trial saw one report
   * {@code sessions=0} for a soft-deleted user who had no session, where the purge reported none.
   */
  @AllDatabases
  void aDryRunNamesOnlyTheTablesThePurgeChanges(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      BatchDeleteTest.crossedForum(handle);
      long dave = Forum.on(handle).user("dave");
      MovingClock clock = clock(handle);
      UserDeleter.destroy(handle, dave, SOFT);
      clock.pass(Duration.ofDays(31));

      PurgeResult counted = UserDeleter.purge(handle, THIRTY_DAYS.withDryRun(true));
      PurgeResult purged = UserDeleter.purge(handle, THIRTY_DAYS);

      assertThat(purged.nullifiedByTable()).isEmpty();
      assertThat(counted.nullifiedByTable()).isEmpty();
      assertThat(counted.rowsByTable()).isEqualTo(purged.rowsByTable()).doesNotContainValue(0L);
    }
  }

  @AllDatabases
  void eachBatchHoldsAtMostTheBatchSizeAndIsReported(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      long bob = BatchDeleteTest.crossedForum(handle).bob();
      MovingClock clock = clock(handle);
      UserDeleter.destroy(handle, alice, TRASH);
      handle.execute("DELETE FROM sessions");
      UserDeleter.destroy(handle, bob, SOFT);
      clock.pass(Duration.ofDays(31));
      List<Progress> progress = new ArrayList<>();

      PurgeResult purged = UserDeleter.purge(handle, THIRTY_DAYS.withBatchSize(3).withProgress(progress::add));

      assertThat(progress).hasSize((int) purged.batches());
      assertThat(progress).allSatisfy(p -> assertThat(p.rows()).isBetween(1L, 3L));
      assertThat(progress.stream().mapToLong(Progress::rows).sum()).isEqualTo(purged.totalRows());
      assertThat(progress.get(progress.size() - 1).totalRows()).isEqualTo(purged.totalRows());
      assertThat(purged.batches()).isGreaterThanOrEqualTo(purged.totalRows() / 3);
    }
  }

  @AllDatabases
  void journalPurgeEmptiesEveryModelInOneCall(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      long bob = BatchDeleteTest.crossedForum(handle).bob();
      long bobPost = handle.select("SELECT MIN(id) FROM posts WHERE user_id = ?", bob).mapTo(Long.class).one();
      long bobComment = handle.select("SELECT MAX(id) FROM comments WHERE user_id = ?", bob).mapTo(Long.class).one();
      MovingClock clock = clock(handle);
      List<DeleteResult> deletes = List.of(
          UserDeleter.destroy(handle, alice, TRASH),
          CommentDeleter.destroy(handle, bobComment, TRASH),
          PostDeleter.destroy(handle, bobPost, SOFT));
      clock.pass(Duration.ofDays(31));
      Snapshot deleted = db.snapshot(Forum.TABLES);

      PurgeResult purged = Journal.purge(handle, THIRTY_DAYS);

      assertThat(purged.operations()).isEqualTo(3);
      assertThat(deletes).allSatisfy(d -> assertThat(state(handle, d)).isEqualTo(OperationState.PURGED));
      Snapshot after = db.snapshot(Forum.TABLES_WITH_TRASH);
      for (String table : List.of("users", "posts", "comments", "likes", "reactions")) {
        assertThat(after.rows(table + "_trash")).as(table).isEmpty();
      }
      assertThat(after.ids("posts")).doesNotContain(bobPost);
      assertThat(after.rows("posts")).hasSize(deleted.rows("posts").size() - 1);
    }
  }

  @AllDatabases
  void badInputIsAClearErrorAndChangesNothing(TestDatabase db) {
    Forum.createWithTrash(db);
    try (Handle handle = db.jdbi().open()) {
      long alice = BatchDeleteTest.crossedForum(handle).alice();
      MovingClock clock = clock(handle);
      UserDeleter.destroy(handle, alice, TRASH);
      clock.pass(Duration.ofDays(31));
      Snapshot before = db.snapshot(Forum.TABLES_WITH_TRASH);

      handle.begin();
      assertThatThrownBy(() -> UserDeleter.purge(handle, THIRTY_DAYS))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("purge of users")
          .hasMessageContaining("not in a transaction");
      assertThatThrownBy(() -> Journal.purge(handle, THIRTY_DAYS))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("not in a transaction")
          .hasMessageContaining("commit or roll it back first. In Spring, call it from a method that runs outside a"
              + " transaction (not @Transactional, or Propagation.NOT_SUPPORTED)")
          .hasMessageNotContaining("destroy");   // a newcomer was told to use destroy
      handle.rollback();
      for (Duration age : new Duration[] {Duration.ofNanos(-1), Duration.ofDays(-1), null}) {
        assertThatThrownBy(() -> PurgeOptions.olderThan(age))
            .isInstanceOf(CascadeException.class)
            .hasMessageContaining("the age must be zero or positive");
      }
      assertThatThrownBy(() -> THIRTY_DAYS.withBatchSize(0))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("batch size must be at least 1");
      assertThatThrownBy(() -> UserDeleter.purge(handle, null))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("PurgeOptions");
      handle.getConfig(CascadeConfig.class).setJournalTable(null);
      assertThatThrownBy(() -> UserDeleter.purge(handle, THIRTY_DAYS))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining("journal, which is off");

      assertThat(db.snapshot(Forum.TABLES_WITH_TRASH)).isEqualTo(before);
    }
  }
}
