package dev.cascade.benchmarks;

import dev.cascade.benchmarks.restrict.AccountDeleter;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * What a {@code RESTRICT} relation costs a small {@code PERMANENT} delete: an account with three
 * carts and no invoices, deleted one at a time, on a fresh database, once without trash tables and
 * once with them. With them, the delete also counts the invoices in the trash, which block it too;
 * either way it first asks the database whether that trash table exists. Prints the median and the
 * mean time of a delete after a warm-up.
 *
 * <pre>{@code java -cp $CP dev.cascade.benchmarks.RestrictCheckRun 3000 H2,SQLITE,POSTGRESQL}</pre>
 */
public final class RestrictCheckRun {
  private static final int CARTS = 3;

  private RestrictCheckRun() {}

  public static void main(String[] args) {
    int deletes = ListArgument.integers(args, 0, "3000").get(0);
    List<DatabaseKind> kinds = ListArgument.databases(args, 1, "H2,SQLITE,POSTGRESQL");
    for (DatabaseKind kind : kinds) {
      for (boolean trashTables : new boolean[] {false, true}) {
        run(kind, deletes, trashTables);
      }
    }
  }

  private static void run(DatabaseKind kind, int deletes, boolean trashTables) {
    try (Database database = Database.create(kind);
        Handle handle = database.jdbi().open()) {
      int warmUp = deletes / 2;
      load(handle, warmUp + deletes, trashTables);
      for (long id = 1; id <= warmUp; id++) {
        AccountDeleter.destroy(handle, id);
      }
      List<Double> millis = new ArrayList<>();
      for (long id = warmUp + 1; id <= warmUp + deletes; id++) {
        long start = System.nanoTime();
        AccountDeleter.destroy(handle, id);
        millis.add((System.nanoTime() - start) / 1e6);
      }
      long left = handle.createQuery("SELECT COUNT(*) FROM rc_carts").mapTo(Long.class).one();
      double mean = millis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      System.out.printf("%-10s %s: %,d deletes, median %.3f ms, mean %.3f ms per delete%s%n",
          kind, trashTables ? "with trash tables   " : "without trash tables", deletes,
          millis.stream().sorted().toList().get(deletes / 2), mean, left == CARTS ? "" : ", CARTS LEFT: " + left);
    }
  }

  /** {@code accounts} accounts of {@code CARTS} carts each, and one more with an invoice, which is kept. */
  private static void load(Handle handle, int accounts, boolean trashTables) {
    handle.execute("CREATE TABLE rc_accounts (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, deleted_at TIMESTAMP)");
    handle.execute("CREATE TABLE rc_carts (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL REFERENCES rc_accounts (id),"
        + " deleted_at TIMESTAMP)");
    handle.execute("CREATE TABLE rc_invoices (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL REFERENCES rc_accounts (id),"
        + " cents BIGINT NOT NULL, deleted_at TIMESTAMP)");
    handle.execute("CREATE INDEX rc_carts_account_id ON rc_carts (account_id)");
    handle.execute("CREATE INDEX rc_invoices_account_id ON rc_invoices (account_id)");
    Journal.ddl(Dialect.of(handle)).forEach(handle::execute);
    if (trashTables) {
      TrashTables.ddl(handle, AccountDeleter.schema()).forEach(handle::execute);
    }
    PreparedBatch account = handle.prepareBatch("INSERT INTO rc_accounts (id, name) VALUES (?, ?)");
    PreparedBatch cart = handle.prepareBatch("INSERT INTO rc_carts (id, account_id) VALUES (?, ?)");
    for (long id = 1; id <= accounts + 1; id++) {
      account.add(id, "account " + id);
      for (int c = 0; c < CARTS; c++) {
        cart.add(id * CARTS + c, id);
      }
    }
    account.execute();
    cart.execute();
    handle.execute("INSERT INTO rc_invoices (id, account_id, cents) VALUES (1, ?, 100)", accounts + 1);
  }
}
