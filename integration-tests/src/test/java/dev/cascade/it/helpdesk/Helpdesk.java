package dev.cascade.it.helpdesk;

import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.Inserts;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Organizations with a tree of tickets and tags on them through a keyless table, and trash tables. */
public final class Helpdesk {
  public static final List<String> TABLES =
      List.of("organizations", "tickets", "tags", "ticket_tags", "organizations_trash", "tickets_trash", "tags_trash",
          "ticket_tags_trash");

  private final Handle handle;

  private Helpdesk(Handle handle) {
    this.handle = handle;
  }

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE organizations (id ${id}, name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE tickets (id ${id}, organization_id BIGINT NOT NULL, parent_id BIGINT,"
                + " subject VARCHAR(100) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (organization_id) REFERENCES organizations (id),"
                + " FOREIGN KEY (parent_id) REFERENCES tickets (id))",
            "CREATE INDEX tickets_organization_id ON tickets (organization_id)",
            "CREATE INDEX tickets_parent_id ON tickets (parent_id)",
            "CREATE TABLE tags (id ${id}, organization_id BIGINT NOT NULL, name VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (organization_id) REFERENCES organizations (id))",
            "CREATE INDEX tags_organization_id ON tags (organization_id)",
            "CREATE TABLE ticket_tags (ticket_id BIGINT NOT NULL, tag_id BIGINT NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (ticket_id) REFERENCES tickets (id), FOREIGN KEY (tag_id) REFERENCES tags (id))",
            "CREATE INDEX ticket_tags_ticket_id ON ticket_tags (ticket_id)",
            "CREATE INDEX ticket_tags_tag_id ON ticket_tags (tag_id)"));
    database.jdbi().useHandle(h -> {
      Journal.ddl(Dialect.of(h)).forEach(h::execute);
      TrashTables.ddl(h, OrganizationDeleter.schema()).forEach(h::execute);
    });
  }

  public static Helpdesk on(Handle handle) {
    return new Helpdesk(handle);
  }

  public long organization(String name) {
    return Inserts.returningId(handle, "INSERT INTO organizations (name) VALUES (?)", name);
  }

  public long ticket(long organization, Long parent, String subject) {
    return Inserts.returningId(
        handle, "INSERT INTO tickets (organization_id, parent_id, subject) VALUES (?, ?, ?)", organization, parent, subject);
  }

  public long tag(long organization, String name) {
    return Inserts.returningId(handle, "INSERT INTO tags (organization_id, name) VALUES (?, ?)", organization, name);
  }

  public void label(long ticket, long tag) {
    handle.execute("INSERT INTO ticket_tags (ticket_id, tag_id) VALUES (?, ?)", ticket, tag);
  }
}
