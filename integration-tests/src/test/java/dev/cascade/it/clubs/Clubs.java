package dev.cascade.it.clubs;

import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Clubs and their memberships, a soft-delete column named with a reserved word; trash tables and the journal. */
public final class Clubs {
  private Clubs() {}

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE clubs (id ${id}, name VARCHAR(50) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE memberships (id ${id}, club_id BIGINT NOT NULL, member VARCHAR(50) NOT NULL,"
                + " ${q:left} ${timestamp}, FOREIGN KEY (club_id) REFERENCES clubs (id))"));
    database.jdbi().useHandle(h -> TrashTables.ddl(h, ClubDeleter.schema()).forEach(h::execute));
  }

  public static long club(Handle handle, String name, String... members) {
    long club =
        handle.createUpdate("INSERT INTO clubs (name) VALUES (?)").bind(0, name)
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    for (String member : members) {
      handle.createUpdate("INSERT INTO memberships (club_id, member) VALUES (?, ?)").bind(0, club).bind(1, member).execute();
    }
    return club;
  }

  public static long membership(Handle handle, String member) {
    return handle.select("SELECT id FROM memberships WHERE member = ?", member).mapTo(Long.class).one();
  }
}
