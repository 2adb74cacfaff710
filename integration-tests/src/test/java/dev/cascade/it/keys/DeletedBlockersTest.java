package dev.cascade.it.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.keys.market.Market;
import dev.cascade.it.keys.market.StallDeleter;
import dev.cascade.it.keys.market.VoucherDeleter;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteRestrictedException;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Rows a {@code RESTRICT} relation counts that are deleted themselves, but could come back: soft
 * deleted ones still keep what they point at from a delete that removes it (a school's revoked
 * transcripts in trial 24, whose refusal said to delete rows already deleted), and the refusal says
 * how many are and that they wait for their operation's purge; trashed ones keep it from a {@code PERMANENT} delete,
 * after which no restore could bring them back (trial 25: billing entries trashed with their issue,
 * then their member deleted for good). A purge's dry run says what would stop it. Vouchers keep
 * their stall. On every database.
 */
class DeletedBlockersTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final DeleteOptions PERMANENT = DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT);
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final PurgeOptions NOW = PurgeOptions.olderThan(Duration.ZERO);
  /** The market's tables, the vouchers and every trash table. */
  private static final List<String> TABLES =
      Stream.concat(Market.TABLES_WITH_TRASH.stream(), Stream.of("vouchers", "vouchers_trash")).toList();

  @AllDatabases
  void aRefusalCountsTheSoftDeletedRowsThatBlockAndSaysTheyWaitForTheirPurge(TestDatabase db) {
    Market.create(db);
    try (Handle handle = db.jdbi().open()) {
      int stall = Market.stall(handle, "closing");
      long revoked = Market.voucher(handle, stall, "OLD");
      Market.voucher(handle, stall, "LIVE");
      VoucherDeleter.destroy(handle, revoked, SOFT);
      Snapshot before = db.snapshot(TABLES);

      assertThatThrownBy(() -> StallDeleter.destroy(handle, stall, PERMANENT))
          .isInstanceOfSatisfying(DeleteRestrictedException.class, e -> {
            assertThat(e.blockingRows()).isEqualTo(2);
            assertThat(e.softDeletedRows()).isEqualTo(1);
          })
          .hasMessage("cannot delete stalls " + stall + ": 2 rows of vouchers still point at stalls " + stall
              + ", which it would delete, through vouchers.stall_id, a RESTRICT relation; delete or move those rows"
              + " first; 1 of them is soft-deleted, and still points there until the operation that soft-deleted it"
              + " is purged (Journal.purge)");
      assertThat(db.snapshot(TABLES)).isEqualTo(before);
    }
  }

  @AllDatabases
  void whenEveryRowThatBlocksIsSoftDeletedTheRefusalSaysToPurgeThem(TestDatabase db) {
    Market.create(db);
    try (Handle handle = db.jdbi().open()) {
      int stall = Market.stall(handle, "closing");
      long first = Market.voucher(handle, stall, "TEN");
      long second = Market.voucher(handle, stall, "FIVE");
      VoucherDeleter.destroyAll(handle, List.of(first, second), SOFT);
      Snapshot before = db.snapshot(TABLES);

      assertThatThrownBy(() -> StallDeleter.destroy(handle, stall, TRASH))
          .isInstanceOfSatisfying(DeleteRestrictedException.class, e -> assertThat(e.softDeletedRows()).isEqualTo(2))
          .hasMessageEndingWith("a RESTRICT relation; those rows are soft-deleted, and still point there until the"
              + " operations that soft-deleted them are purged (Journal.purge); purge them first, or restore and move them");
      assertThat(db.snapshot(TABLES)).isEqualTo(before);

      // A soft delete counts live rows only: it goes ahead.
      assertThat(StallDeleter.destroy(handle, stall, SOFT).deletedCount()).isEqualTo(1);
    }
  }

  /**
   * A voucher trashed on its own, restorable: a {@code PERMANENT} delete of its stall would leave
   * it pointing at nothing, so it is refused, naming the trash table and the delete that trashed it,
   * and changes nothing; a preview says so too. A {@code TRASH} delete of the stall goes ahead: the
   * voucher's restore then names the stall's delete to undo first. Once the voucher's trash is
   * purged, the stall goes for good.
   */
  @AllDatabases
  void aTrashedRowThatBlocksKeepsItsParentFromAPermanentDelete(TestDatabase db) {
    Market.create(db);
    try (Handle handle = db.jdbi().open()) {
      int stall = Market.stall(handle, "closing");
      long voucher = Market.voucher(handle, stall, "TEN");
      String trashed = VoucherDeleter.destroy(handle, voucher, TRASH).deletionId();
      Snapshot before = db.snapshot(TABLES);

      assertThat(StallDeleter.preview(handle, stall, PERMANENT).restrictedBy()).containsExactly(entry("vouchers_trash", 1L));
      assertThatThrownBy(() -> StallDeleter.destroy(handle, stall, PERMANENT))
          .isInstanceOfSatisfying(DeleteRestrictedException.class, e -> {
            assertThat(e.blockingTable()).isEqualTo("vouchers_trash");
            assertThat(e.blockingRows()).isEqualTo(1);
            assertThat(e.pointedAt()).containsExactly(stall);
          })
          .hasMessage("cannot delete stalls " + stall + ": 1 row of vouchers_trash still points at stalls " + stall
              + ", which it would delete, through vouchers_trash.stall_id, a RESTRICT relation; that row is in the"
              + " trash, from operation " + trashed + ", and restored, it would point at nothing: restore that"
              + " operation and delete or move it, or purge that operation (Journal.purge), first");
      assertThat(db.snapshot(TABLES)).isEqualTo(before);

      VoucherDeleter.purge(handle, NOW);
      assertThat(StallDeleter.destroy(handle, stall, PERMANENT).deletedCount()).isEqualTo(1);
      assertThat(handle.select("SELECT COUNT(*) FROM stalls").mapTo(Long.class).one()).isZero();
    }
  }

  /** A stall soft-deleted over a voucher trashed since: its purge, a permanent delete, waits for the voucher's. */
  @AllDatabases
  void aTrashedRowThatBlocksKeepsItsSoftDeletedParentFromThePurge(TestDatabase db) {
    Market.create(db);
    try (Handle handle = db.jdbi().open()) {
      int stall = Market.stall(handle, "closing");
      long voucher = Market.voucher(handle, stall, "TEN");
      VoucherDeleter.destroy(handle, voucher, TRASH);
      StallDeleter.destroy(handle, stall, SOFT);
      Snapshot deleted = db.snapshot(TABLES);

      assertThat(StallDeleter.purge(handle, NOW.withDryRun(true)).restrictedBy()).containsExactly(entry("vouchers_trash", 1L));
      assertThatThrownBy(() -> StallDeleter.purge(handle, NOW))
          .isInstanceOf(DeleteRestrictedException.class)
          .hasMessageContaining("1 row of vouchers_trash still points at stalls " + stall);
      assertThat(db.snapshot(TABLES)).isEqualTo(deleted);

      // Journal.purge removes the voucher's trash, then the stall on its second try.
      assertThat(Journal.purge(handle, NOW).operations()).isEqualTo(2);
      assertThat(handle.select("SELECT COUNT(*) FROM stalls").mapTo(Long.class).one()).isZero();
      assertThat(handle.select("SELECT COUNT(*) FROM vouchers_trash").mapTo(Long.class).one()).isZero();
    }
  }

  /** A live voucher alone: the refusal as before, with no soft-deleted rows to speak of. */
  @AllDatabases
  void liveRowsAloneAreToDeleteOrMove(TestDatabase db) {
    Market.create(db);
    try (Handle handle = db.jdbi().open()) {
      int stall = Market.stall(handle, "open");
      Market.voucher(handle, stall, "LIVE");

      assertThatThrownBy(() -> StallDeleter.destroy(handle, stall, PERMANENT))
          .isInstanceOfSatisfying(DeleteRestrictedException.class, e -> assertThat(e.softDeletedRows()).isZero())
          .hasMessageEndingWith("a RESTRICT relation; delete or move those rows first");
    }
  }

  /**
   * The stall's purge, dry: it counts what it would remove and the vouchers that would stop it, and
   * changes nothing; the real one is refused, saying the vouchers wait for their own purge. Once
   * the vouchers are purged, the dry run finds nothing in the way, and the purge removes the stall.
   */
  @AllDatabases
  void aDryRunOfAPurgeSaysWhatWouldStopIt(TestDatabase db) {
    Market.create(db);
    try (Handle handle = db.jdbi().open()) {
      int stall = Market.stall(handle, "closing");
      Market.ware(handle, stall, "last apples");
      long voucher = Market.voucher(handle, stall, "TEN");
      VoucherDeleter.destroy(handle, voucher, SOFT);
      StallDeleter.destroy(handle, stall, SOFT);
      Snapshot deleted = db.snapshot(TABLES);

      PurgeResult counted = StallDeleter.purge(handle, NOW.withDryRun(true));

      assertThat(counted.restrictedBy()).containsExactly(entry("vouchers", 1L));
      assertThat(counted.rowsByTable()).containsExactly(entry("wares", 1L), entry("stalls", 1L));
      assertThat(db.snapshot(TABLES)).isEqualTo(deleted);
      assertThatThrownBy(() -> StallDeleter.purge(handle, NOW))
          .isInstanceOf(DeleteRestrictedException.class)
          .hasMessageContaining("that row is soft-deleted, and still points there until the operation that"
              + " soft-deleted it is purged (Journal.purge)");
      assertThat(db.snapshot(TABLES)).isEqualTo(deleted);

      VoucherDeleter.purge(handle, NOW);
      PurgeResult clear = StallDeleter.purge(handle, NOW.withDryRun(true));
      assertThat(clear.restrictedBy()).isEmpty();
      assertThat(clear.isRestricted()).isFalse();
      assertThat(StallDeleter.purge(handle, NOW).operations()).isEqualTo(1);
      assertThat(handle.select("SELECT COUNT(*) FROM stalls").mapTo(Long.class).one()).isZero();
      assertThat(Journal.recent(handle, 10)).hasSize(2);
    }
  }

  /**
   * On PostgreSQL the check asks whether the trash table exists as the count will find it: through
   * the search path. A voucher trashed into a {@code vouchers_trash} that lives in a later schema of
   * the search path still keeps its stall; with that schema off the path, the count could not read
   * the table, and the delete goes ahead without it.
   */
  @Test
  void onPostgreSqlTheTrashTableIsFoundThroughTheSearchPath() {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
      Market.create(db);
      try (Handle handle = db.jdbi().open()) {
        String first = handle.select("SELECT current_schema()").mapTo(String.class).one();
        String later = first + "_later";
        handle.execute("CREATE SCHEMA " + later);
        try {
          handle.execute("ALTER TABLE vouchers_trash SET SCHEMA " + later);
          handle.execute("SET search_path TO " + first + ", " + later);
          int stall = Market.stall(handle, "closing");
          VoucherDeleter.destroy(handle, Market.voucher(handle, stall, "TEN"), TRASH);

          assertThatThrownBy(() -> StallDeleter.destroy(handle, stall, PERMANENT))
              .isInstanceOfSatisfying(DeleteRestrictedException.class, e -> assertThat(e.blockingTable()).isEqualTo("vouchers_trash"));

          handle.execute("SET search_path TO " + first);
          assertThat(StallDeleter.destroy(handle, stall, PERMANENT).deletedCount()).isEqualTo(1);
          assertThat(handle.select("SELECT COUNT(*) FROM " + later + ".vouchers_trash").mapTo(Long.class).one()).isEqualTo(1L);
        } finally {
          handle.execute("DROP SCHEMA " + later + " CASCADE");
        }
      }
    }
  }
}
