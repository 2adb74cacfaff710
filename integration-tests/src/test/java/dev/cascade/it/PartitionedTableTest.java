package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.partitioned.CustomerDeleter;
import dev.cascade.it.partitioned.CustomerRestorer;
import dev.cascade.it.partitioned.Payments;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table partitioned by month, as Pagila's {@code payment} is, on PostgreSQL (the one database
 * here that partitions a table with foreign keys). A newcomer's trial found batches picking rows
 * by an address that is unique only within one partition, so that a batched delete of a
 * customer's payments took other customers' payments at the same address in other partitions; and
 * the partitions' copies of the foreign key taken for keys the model does not name, so that every
 * purge reaching the table was refused.
 */
class PartitionedTableTest {
  private static final List<Long> BOBS_PAYMENTS = List.of(21L, 22L, 23L, 24L, 25L, 26L);

  @ParameterizedTest
  @EnumSource(DeleteStrategy.class)
  void batchesTakeOnlyTheCustomersOwnPaymentsAndARestoreBringsThemBack(DeleteStrategy strategy) {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Handle handle = db.jdbi().open()) {
      Payments.create(db);
      Payments.seed(handle);
      Snapshot before = db.snapshot(Payments.TABLES);

      BatchResult result =
          CustomerDeleter.destroyInBatches(handle, 1, BatchOptions.defaults().withStrategy(strategy).withBatchSize(1));

      assertThat(result.rowsByTable()).isEqualTo(Map.of("pt_payments", 3L, "pt_customers", 1L));
      Snapshot after = db.snapshot(Payments.TABLES);
      List<Long> bobs =
          after.rows("pt_payments").stream()
              .filter(row -> row.get("customer_id").equals(2L) && row.get("deleted_at") == null)
              .map(row -> (Long) row.get("id"))
              .sorted()
              .toList();
      assertThat(bobs).as("customer 2's live payments").isEqualTo(BOBS_PAYMENTS);
      if (strategy != DeleteStrategy.PERMANENT) {
        CustomerRestorer.restoreOperation(handle, result.deletionId());
        assertThat(db.snapshot(Payments.TABLES)).isEqualTo(before);
      }
    }
  }

  @Test
  void aPurgeOfASoftDeletedCustomerRemovesItsPaymentsFromEveryPartitionAndNoOthers() {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Handle handle = db.jdbi().open()) {
      Payments.create(db);
      Payments.seed(handle);
      MovingClock clock = new MovingClock(Instant.parse("2024-04-01T10:00:00Z"));
      handle.getConfig(CascadeConfig.class).setClock(clock);
      CustomerDeleter.destroy(handle, 1);
      clock.pass(Duration.ofDays(40));

      PurgeResult purged = CustomerDeleter.purge(handle, PurgeOptions.olderThan(Duration.ofDays(30)).withBatchSize(1));

      assertThat(purged.operations()).isEqualTo(1);
      assertThat(purged.rowsByTable()).isEqualTo(Map.of("pt_payments", 3L, "pt_customers", 1L));
      Snapshot after = db.snapshot(Payments.TABLES);
      assertThat(after.ids("pt_customers")).containsExactly(2L);
      assertThat(after.ids("pt_payments")).isEqualTo(BOBS_PAYMENTS);
    }
  }

  @Test
  void theSchemaCheckTakesThePartitionsKeysForTheTablesKey() {
    try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Handle handle = db.jdbi().open()) {
      Payments.create(db);

      assertThat(SchemaCheck.problems(handle, true, CustomerDeleter.schema())).isEmpty();
    }
  }
}
