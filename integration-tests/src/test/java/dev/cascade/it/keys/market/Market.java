package dev.cascade.it.keys.market;

import dev.cascade.it.keys.teams.Teams;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Stalls ({@code int} keys), their wares ({@code long} keys), and ratings of either in one {@code
 * BIGINT} column: a newcomer's shop of reviews over shops and products (trial 23); and vouchers,
 * which keep their stall (RESTRICT), in a table whose name sorts after the stalls' (trial 24).
 */
public final class Market {
  public static final List<String> TABLES = List.of("stalls", "wares", "ratings");
  public static final List<String> TABLES_WITH_TRASH =
      List.of("stalls", "wares", "ratings", "stalls_trash", "wares_trash", "ratings_trash");

  private Market() {}

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE stalls (id " + Teams.intId(database.kind()) + ", name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            // An INTEGER foreign key, as MariaDB requires of one to an INT key; the record reads it as a long.
            "CREATE TABLE wares (id ${id}, stall_id INTEGER NOT NULL, name VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (stall_id) REFERENCES stalls (id))",
            "CREATE INDEX wares_stall_id ON wares (stall_id)",
            "CREATE TABLE ratings (id ${id}, subject_type VARCHAR(20) NOT NULL, subject_id BIGINT NOT NULL,"
                + " stars INTEGER NOT NULL, deleted_at ${timestamp})",
            "CREATE INDEX ratings_subject ON ratings (subject_type, subject_id)",
            "CREATE TABLE vouchers (id ${id}, stall_id INTEGER NOT NULL, code VARCHAR(20) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (stall_id) REFERENCES stalls (id))",
            "CREATE INDEX vouchers_stall_id ON vouchers (stall_id)"));
    database.jdbi().useHandle(h ->
        TrashTables.ddl(Dialect.of(h), StallDeleter.schema(), VoucherDeleter.schema()).forEach(h::execute));
  }

  public static int stall(Handle handle, String name) {
    return handle.createUpdate("INSERT INTO stalls (name) VALUES (?)").bind(0, name)
        .executeAndReturnGeneratedKeys("id").mapTo(Integer.class).one();
  }

  public static long ware(Handle handle, int stall, String name) {
    return handle.createUpdate("INSERT INTO wares (stall_id, name) VALUES (?, ?)").bind(0, stall).bind(1, name)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  public static long voucher(Handle handle, int stall, String code) {
    return handle.createUpdate("INSERT INTO vouchers (stall_id, code) VALUES (?, ?)").bind(0, stall).bind(1, code)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  public static void rating(Handle handle, String subjectType, long subjectId, int stars) {
    handle.execute("INSERT INTO ratings (subject_type, subject_id, stars) VALUES (?, ?, ?)", subjectType, subjectId, stars);
  }
}
