package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.shop.CustomerDeleter;
import dev.cascade.it.shop.CustomerRestorer;
import dev.cascade.it.shop.OrderDeleter;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Tables and columns named with reserved words ({@code order}, {@code group}, {@code value}). */
class ReservedNamesTest {
  private static final List<String> TABLES =
      List.of("customers", "${q:order}", "order_lines", "customers_trash", "order_trash", "order_lines_trash");

  private static long[] shop(TestDatabase db, Handle handle) {
    db.createSchema(
        List.of(
            "CREATE TABLE customers (id ${id}, name VARCHAR(50) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE ${q:order} (id ${id}, customer_id BIGINT NOT NULL, ${q:value} BIGINT NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (customer_id) REFERENCES customers (id))",
            "CREATE TABLE order_lines (id ${id}, order_id BIGINT NOT NULL, ${q:group} VARCHAR(50) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (order_id) REFERENCES ${q:order} (id))"));
    TrashTables.ddl(handle, CustomerDeleter.schema()).forEach(handle::execute);
    long[] customers = new long[2];
    for (int c = 0; c < 2; c++) {
      customers[c] =
          handle.createUpdate("INSERT INTO customers (name) VALUES (?)").bind(0, "c" + c)
              .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      for (int o = 0; o < 2; o++) {
        long order =
            handle.createUpdate(db.kind().ddl("INSERT INTO ${q:order} (customer_id, ${q:value}) VALUES (?, ?)"))
                .bind(0, customers[c]).bind(1, 100 * o)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        handle.execute(db.kind().ddl("INSERT INTO order_lines (order_id, ${q:group}) VALUES (?, 'toys')"), order);
      }
    }
    return customers;
  }

  @AllDatabases
  void permanentDeleteQuotesReservedNames(TestDatabase db) {
    try (Handle handle = db.jdbi().open()) {
      long[] customers = shop(db, handle);

      DeleteResult result = CustomerDeleter.destroy(handle, customers[0]);

      assertThat(result.rowsByTable())
          .containsExactly(Map.entry("order_lines", 2L), Map.entry("order", 2L), Map.entry("customers", 1L));
      assertThat(db.snapshot(TABLES).counts())
          .containsEntry("customers", 1).containsEntry("order", 2).containsEntry("order_lines", 2);
    }
  }

  @AllDatabases
  void softAndTrashRoundTripsQuoteReservedNames(TestDatabase db) {
    try (Handle handle = db.jdbi().open()) {
      long[] customers = shop(db, handle);
      Snapshot before = db.snapshot(TABLES);

      for (DeleteStrategy strategy : List.of(DeleteStrategy.SOFT, DeleteStrategy.TRASH)) {
        CustomerDeleter.destroy(handle, customers[0], DeleteOptions.defaults().withStrategy(strategy));
        assertThat(db.snapshot(TABLES)).isNotEqualTo(before);
        CustomerRestorer.restore(handle, customers[0]);
        assertThat(db.snapshot(TABLES)).as("after %s and restore", strategy).isEqualTo(before);
      }
      assertThat(OrderDeleter.preview(handle, handle.select(db.kind().ddl("SELECT MIN(id) FROM ${q:order}"))
              .mapTo(Long.class).one()).rowsByTable())
          .containsExactly(Map.entry("order_lines", 1L), Map.entry("order", 1L));
    }
  }
}
