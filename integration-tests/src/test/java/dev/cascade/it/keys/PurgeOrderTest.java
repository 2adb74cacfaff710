package dev.cascade.it.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.keys.market.Market;
import dev.cascade.it.keys.market.StallDeleter;
import dev.cascade.it.keys.market.VoucherDeleter;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteRestrictedException;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * {@code Journal.purge} removes a soft-deleted row that a {@code RESTRICT} relation keeps only
 * after the rows that keep it, whatever the order of their tables' names (trial 24: a course's
 * revoked transcripts, {@code transcripts} after {@code courses}, failed the nightly purge every
 * night, and the tables after {@code courses} were never purged). On every database.
 */
class PurgeOrderTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final PurgeOptions NOW = PurgeOptions.olderThan(Duration.ZERO);

  @AllDatabases
  void aStallKeptByItsSoftDeletedVouchersIsPurgedAfterThemThoughTheySortAfterIt(TestDatabase db) {
    Market.create(db);
    try (Handle handle = db.jdbi().open()) {
      int stall = Market.stall(handle, "closing");
      Market.ware(handle, stall, "last apples");
      long first = Market.voucher(handle, stall, "TEN");
      long second = Market.voucher(handle, stall, "FIVE");
      int other = Market.stall(handle, "open");
      long kept = Market.voucher(handle, other, "KEPT");
      DeleteResult vouchers = VoucherDeleter.destroyAll(handle, List.of(first, second), SOFT);
      DeleteResult closed = StallDeleter.destroy(handle, stall, SOFT);
      Snapshot deleted = db.snapshot(Market.TABLES_WITH_TRASH);

      // The stall's own purge comes first, and its vouchers keep it: refused, and nothing changes.
      assertThatThrownBy(() -> StallDeleter.purge(handle, NOW)).isInstanceOf(DeleteRestrictedException.class);
      assertThat(db.snapshot(Market.TABLES_WITH_TRASH)).isEqualTo(deleted);

      PurgeResult purged = Journal.purge(handle, NOW);

      assertThat(purged.operations()).isEqualTo(2);
      assertThat(handle.select("SELECT id FROM stalls").mapTo(Integer.class).list()).containsExactly(other);
      assertThat(handle.select("SELECT id FROM vouchers").mapTo(Long.class).list()).containsExactly(kept);
      assertThat(handle.select("SELECT COUNT(*) FROM wares").mapTo(Long.class).one()).isZero();
      for (DeleteResult operation : List.of(vouchers, closed)) {
        assertThat(Journal.find(handle, operation.deletionId()).orElseThrow().state()).isEqualTo(OperationState.PURGED);
      }
    }
  }

  /**
   * Where the rows that keep a stall are not the purge's to remove (a voucher marked by hand, which
   * no operation holds), the stall stays, and the purge still removes what the tables after it hold
   * before it says so.
   */
  @AllDatabases
  void aStallKeptByVouchersNoPurgeRemovesStaysAndTheOtherTablesArePurged(TestDatabase db) {
    Market.create(db);
    try (Handle handle = db.jdbi().open()) {
      int stall = Market.stall(handle, "closing");
      long voucher = Market.voucher(handle, stall, "BYHAND");
      handle.execute("UPDATE vouchers SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?", voucher);
      long ware = Market.ware(handle, Market.stall(handle, "open"), "pears");
      DeleteResult closed = StallDeleter.destroy(handle, stall, SOFT);
      dev.cascade.it.keys.market.WareDeleter.destroy(handle, ware, SOFT);

      assertThatThrownBy(() -> Journal.purge(handle, NOW))
          .isInstanceOf(DeleteRestrictedException.class)
          .hasMessageContaining("vouchers");

      assertThat(handle.select("SELECT COUNT(*) FROM wares WHERE id = ?", ware).mapTo(Long.class).one())
          .as("the ware, a table after stalls in name order, was purged").isZero();
      assertThat(Journal.find(handle, closed.deletionId()).orElseThrow().state()).isEqualTo(OperationState.DELETED);
      assertThat(handle.select("SELECT COUNT(*) FROM stalls WHERE id = ?", stall).mapTo(Long.class).one()).isEqualTo(1L);
    }
  }
}
