package dev.cascade.it.longnames;

import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.testing.TestDatabase;
import java.util.List;

/** Tables whose names, with a column's, are longer than an identifier PostgreSQL or MariaDB keeps. */
public final class LongNames {
  public static final List<String> TABLES =
      List.of("customer_subscription_invoices", "customer_subscription_invoice_line_items",
          "customer_subscription_invoices_trash", "customer_subscription_invoice_line_items_trash");

  private LongNames() {}

  /** The tables, without trash tables. */
  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE customer_subscription_invoices (id ${id}, number VARCHAR(20) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE customer_subscription_invoice_line_items (id ${id}, customer_subscription_invoice_id BIGINT NOT NULL,"
                + " description VARCHAR(100) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (customer_subscription_invoice_id) REFERENCES customer_subscription_invoices (id))",
            "CREATE INDEX line_items_invoice_id ON customer_subscription_invoice_line_items (customer_subscription_invoice_id)"));
    database.jdbi().useHandle(h -> Journal.ddl(Dialect.of(h)).forEach(h::execute));
  }
}
