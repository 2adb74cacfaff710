package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.many.Accounts;
import dev.cascade.it.many.Accounts_AccountDeleter;
import dev.cascade.it.many.Accounts_AccountRestorer;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/**
 * An account with 240 tables below it ({@link Accounts}): its generated classes write their step
 * lists in parts, where before javac stopped with "code too large". Every strategy and both
 * restores reach all of them.
 */
class ManyTablesTest {
  private static final List<String> CHILDREN =
      IntStream.range(0, Accounts.TABLES).mapToObj(i -> String.format("mt_t%03d", i)).toList();

  private static final List<String> LIVE = concat(List.of("mt_accounts"), CHILDREN);

  private static final List<String> TABLES = concat(LIVE, LIVE.stream().map(table -> table + "_trash").toList());

  /** The tables and their trash tables; accounts 1 and 2, each with one row in every table. */
  private static void accounts(TestDatabase db) {
    List<String> ddl = new ArrayList<>();
    ddl.add("CREATE TABLE mt_accounts (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, deleted_at ${timestamp})");
    for (String child : CHILDREN) {
      ddl.add("CREATE TABLE " + child + " (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL, name VARCHAR(50) NOT NULL,"
          + " deleted_at ${timestamp}, FOREIGN KEY (account_id) REFERENCES mt_accounts (id))");
    }
    db.createSchema(ddl);
    db.jdbi().useHandle(handle -> {
      TrashTables.ddl(handle, Accounts_AccountDeleter.schema()).forEach(handle::execute);
      handle.execute("INSERT INTO mt_accounts (id, name) VALUES (1, 'acme'), (2, 'other')");
      for (String child : CHILDREN) {
        handle.execute("INSERT INTO " + child + " (id, account_id, name) VALUES (10, 1, 'a'), (20, 2, 'b')");
      }
    });
  }

  /** One test on one schema, each strategy in turn: creating its 482 tables takes MariaDB half a minute. */
  @AllDatabases
  void everyStrategyAndBothRestoresReachEveryTableOfAnAccount(TestDatabase db) {
    accounts(db);
    try (Handle handle = db.jdbi().open()) {
      Snapshot before = db.snapshot(TABLES);

      DeleteResult trashed =
          Accounts_AccountDeleter.destroy(handle, 1, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));

      assertThat(trashed.rowsByTable()).hasSize(LIVE.size()).allSatisfy((table, rows) -> assertThat(rows).as(table).isOne());
      Snapshot inTrash = db.snapshot(TABLES);
      for (String table : LIVE) {
        assertThat(inTrash.ids(table)).as(table).containsExactly(otherAccounts(table));
        assertThat(inTrash.ids(table + "_trash")).as(table).containsExactly(acmes(table));
      }
      Accounts_AccountRestorer.restore(handle, 1);
      assertThat(db.snapshot(TABLES)).isEqualTo(before);

      DeleteResult marked = Accounts_AccountDeleter.destroy(handle, 1);

      assertThat(marked.strategy()).isEqualTo(DeleteStrategy.SOFT);
      assertThat(marked.rowsByTable()).hasSize(LIVE.size()).allSatisfy((table, rows) -> assertThat(rows).as(table).isOne());
      Snapshot soft = db.snapshot(LIVE);
      for (String table : LIVE) {
        assertThat(soft.rows(table)).as(table)
            .allMatch(row -> (row.get("deleted_at") != null) == acmes(table).equals(row.get("id")));
      }
      Accounts_AccountRestorer.restore(handle, 1);
      assertThat(db.snapshot(TABLES)).isEqualTo(before);

      Accounts_AccountDeleter.destroy(handle, 1, DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT));

      Snapshot gone = db.snapshot(TABLES);
      for (String table : LIVE) {
        assertThat(gone.ids(table)).as(table).containsExactly(otherAccounts(table));
        assertThat(gone.rows(table + "_trash")).as(table).isEmpty();
      }
    }
  }

  /** The key of acme's row in this table. */
  private static Long acmes(String table) {
    return table.equals("mt_accounts") ? 1L : 10L;
  }

  /** The key of the other account's row in this table. */
  private static Long otherAccounts(String table) {
    return table.equals("mt_accounts") ? 2L : 20L;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
