package dev.cascade.benchmarks;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.benchmarks.helpdesk.OrganizationDeleter;
import dev.cascade.benchmarks.helpdesk.OrganizationRestorer;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.DatabaseKind;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A help desk whose attachments hang off tickets, messages and notes through one polymorphic key
 * ({@code owner_type}, {@code owner_id}, indexed in that order as applications index it), below a
 * tree of tickets: for each size, in a fresh database never analyzed (or, with a third argument
 * {@code analyzed}, analyzed once loaded), organization 1's soft delete and its restore, then its
 * {@code TRASH} delete, the restore's preview and the restore, each timed, and every row compared
 * with before. A newcomer's help-desk trial found SQLite's soft restore taking 29 s and its trash
 * restore preview 7.6 s, one statement each time reading every attachment of a kind per key.
 *
 * <pre>{@code java -cp $CP dev.cascade.benchmarks.PolymorphicRun 800,2500 SQLITE,H2,POSTGRESQL}</pre>
 *
 * <p>The size is tickets per organization, a fifth of them at the top and each other a follow-up
 * of an earlier one; each ticket has 6 messages and 2 notes, and each of the three one attachment,
 * so size 800 is an organization of 14,401 rows; the database holds 3 organizations.
 */
public final class PolymorphicRun {
  private static final List<String> TABLES =
      List.of("hd_organizations", "hd_tickets", "hd_messages", "hd_notes", "hd_attachments");
  private static final int ORGANIZATIONS = 3;
  private static final int MESSAGES = 6;
  private static final int NOTES = 2;
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  private PolymorphicRun() {}

  public static void main(String[] args) {
    List<Integer> sizes = ListArgument.integers(args, 0, "800,2500");
    List<DatabaseKind> kinds = ListArgument.databases(args, 1, "SQLITE,H2,POSTGRESQL");
    boolean analyzed = args.length > 2 && args[2].equals("analyzed");
    for (DatabaseKind kind : kinds) {
      for (int size : sizes) {
        run(kind, size, analyzed);
      }
    }
  }

  private static void run(DatabaseKind kind, int tickets, boolean analyzed) {
    try (Database database = Database.create(kind);
        Handle handle = database.jdbi().open()) {
      load(handle, tickets);
      if (analyzed) {
        Statistics.analyze(handle, kind, TABLES);
      } else {
        Statistics.leaveUnanalyzed(handle, kind, TABLES);
      }
      List<List<Object>> before = SoftDeleteStates.of(handle, TABLES);
      ReportLine line = new ReportLine(String.format("%-10s %,5d tickets:", kind, tickets));
      DeleteResult soft = line.timed("soft destroy", () -> OrganizationDeleter.destroy(handle, 1L));
      line.append(String.format(" (%,d rows)", soft.totalRows()));
      line.timed(" restore", () -> OrganizationRestorer.restore(handle, 1L));
      line.append(SoftDeleteStates.of(handle, TABLES).equals(before) ? ", rows as before;" : ", ROWS DIFFER;");
      line.timed(" trash destroy", () -> OrganizationDeleter.destroy(handle, 1L, TRASH));
      line.timed(" preview", () -> OrganizationRestorer.preview(handle, 1L));
      line.timed(" restore", () -> OrganizationRestorer.restore(handle, 1L));
      line.append(SoftDeleteStates.of(handle, TABLES).equals(before) ? ", rows as before" : ", ROWS DIFFER");
      System.out.println(line);
    }
  }

  /**
   * {@code ORGANIZATIONS} organizations of {@code tickets} tickets each, with their messages,
   * notes and attachments.
   */
  private static void load(Handle handle, int tickets) {
    handle.execute("CREATE TABLE hd_organizations (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, deleted_at TIMESTAMP)");
    handle.execute("CREATE TABLE hd_tickets (id BIGINT PRIMARY KEY, organization_id BIGINT NOT NULL REFERENCES"
        + " hd_organizations (id), parent_id BIGINT REFERENCES hd_tickets (id), subject VARCHAR(100) NOT NULL,"
        + " deleted_at TIMESTAMP)");
    for (String owned : List.of("hd_messages", "hd_notes")) {
      handle.execute("CREATE TABLE " + owned + " (id BIGINT PRIMARY KEY, ticket_id BIGINT NOT NULL REFERENCES hd_tickets (id),"
          + " body VARCHAR(200) NOT NULL, deleted_at TIMESTAMP)");
    }
    handle.execute("CREATE TABLE hd_attachments (id BIGINT PRIMARY KEY, owner_type VARCHAR(20) NOT NULL,"
        + " owner_id BIGINT NOT NULL, file_name VARCHAR(100) NOT NULL, deleted_at TIMESTAMP)");
    for (String index : List.of("hd_tickets (organization_id)", "hd_tickets (parent_id)", "hd_messages (ticket_id)",
        "hd_notes (ticket_id)", "hd_attachments (owner_type, owner_id)")) {
      handle.execute("CREATE INDEX " + index.replaceAll("[ (),]+", "_") + "ix ON " + index);
    }
    TrashTables.ddl(handle, OrganizationDeleter.schema()).forEach(handle::execute);
    Random random = new Random(22);
    PreparedBatch organizations = handle.prepareBatch("INSERT INTO hd_organizations (id, name) VALUES (?, ?)");
    PreparedBatch ticketRows =
        handle.prepareBatch("INSERT INTO hd_tickets (id, organization_id, parent_id, subject) VALUES (?, ?, ?, ?)");
    PreparedBatch messages = handle.prepareBatch("INSERT INTO hd_messages (id, ticket_id, body) VALUES (?, ?, ?)");
    PreparedBatch notes = handle.prepareBatch("INSERT INTO hd_notes (id, ticket_id, body) VALUES (?, ?, ?)");
    PreparedBatch attachments =
        handle.prepareBatch("INSERT INTO hd_attachments (id, owner_type, owner_id, file_name) VALUES (?, ?, ?, ?)");
    long ticket = 0;
    long message = 0;
    long note = 0;
    long attachment = 0;
    for (long organization = 1; organization <= ORGANIZATIONS; organization++) {
      organizations.add(organization, "organization " + organization);
      long first = ticket + 1;
      for (int t = 0; t < tickets; t++) {
        Long parent = t < tickets / 5 ? null : first + random.nextInt(t);
        ticketRows.add(++ticket, organization, parent, "ticket " + ticket);
        attachments.add(++attachment, "ticket", ticket, "file " + attachment);
        for (int m = 0; m < MESSAGES; m++) {
          messages.add(++message, ticket, "message " + message);
          attachments.add(++attachment, "message", message, "file " + attachment);
        }
        for (int n = 0; n < NOTES; n++) {
          notes.add(++note, ticket, "note " + note);
          attachments.add(++attachment, "note", note, "file " + attachment);
        }
      }
    }
    organizations.execute();
    ticketRows.execute();
    messages.execute();
    notes.execute();
    attachments.execute();
  }
}
