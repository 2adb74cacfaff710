package dev.cascade.it.partitioned;

import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Customers and their payments, in a table partitioned by month as Pagila's {@code payment} is: on
 * PostgreSQL only. A row's address ({@code ctid}) is unique only within its partition, and
 * PostgreSQL gives each partition a copy of the table's foreign key.
 */
public final class Payments {
  public static final List<String> TABLES = List.of("pt_customers", "pt_payments", "pt_customers_trash", "pt_payments_trash");

  private Payments() {}

  /** The tables, the journal and the trash tables. */
  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE pt_customers (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE pt_payments (id BIGINT NOT NULL, customer_id BIGINT NOT NULL REFERENCES pt_customers (id),"
                + " cents BIGINT NOT NULL, paid_on DATE NOT NULL, deleted_at ${timestamp}, PRIMARY KEY (id, paid_on))"
                + " PARTITION BY RANGE (paid_on)",
            "CREATE TABLE pt_payments_01 PARTITION OF pt_payments FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')",
            "CREATE TABLE pt_payments_02 PARTITION OF pt_payments FOR VALUES FROM ('2024-02-01') TO ('2024-03-01')",
            "CREATE TABLE pt_payments_03 PARTITION OF pt_payments FOR VALUES FROM ('2024-03-01') TO ('2024-04-01')",
            "CREATE INDEX pt_payments_customer_id ON pt_payments (customer_id)"));
    database.jdbi().useHandle(h -> {
      Journal.ddl(Dialect.of(h)).forEach(h::execute);
      TrashTables.ddl(h, CustomerDeleter.schema()).forEach(h::execute);
    });
  }

  /**
   * Customers 1 and 2 with three payments each, one a month, written so that each of customer 1's
   * payments sits at the address of one of customer 2's in each other partition: January's first
   * row, February's second and March's third are customer 1's.
   */
  public static void seed(Handle handle) {
    handle.execute("INSERT INTO pt_customers (id, name) VALUES (1, 'ann'), (2, 'bob')");
    String payment = "INSERT INTO pt_payments (id, customer_id, cents, paid_on) VALUES (?, ?, ?, CAST(? AS DATE))";
    handle.execute(payment, 11, 1, 110, "2024-01-10");
    handle.execute(payment, 21, 2, 210, "2024-02-05");
    handle.execute(payment, 22, 2, 220, "2024-03-05");
    handle.execute(payment, 23, 2, 230, "2024-01-06");
    handle.execute(payment, 12, 1, 120, "2024-02-10");
    handle.execute(payment, 24, 2, 240, "2024-03-06");
    handle.execute(payment, 25, 2, 250, "2024-01-07");
    handle.execute(payment, 26, 2, 260, "2024-02-07");
    handle.execute(payment, 13, 1, 130, "2024-03-10");
  }
}
