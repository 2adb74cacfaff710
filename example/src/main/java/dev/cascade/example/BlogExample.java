package dev.cascade.example;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.Operation;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A small blog on embedded H2: confirm a delete with its preview, soft-delete and restore,
 * trash and restore, read the journal of who deleted what and undo the last delete, and delete
 * for good.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl example -am compile exec:java}
 */
public final class BlogExample {
  private BlogExample() {}

  public static void main(String[] args) {
    Jdbi jdbi = Jdbi.create("jdbc:h2:mem:blog;DB_CLOSE_DELAY=-1");
    jdbi.getConfig(CascadeConfig.class)
        .onDeleted(Author.class, (author, event) ->
            System.out.printf("  [listener] %s deleted (%s, %d rows in all)%n",
                author.name(), event.strategy(), event.operationTotalRows()));

    try (Handle handle = jdbi.open()) {
      Blog.create(handle);
      Blog.seed(handle);
      System.out.println("A blog with " + census(handle) + ".");
      StatementTally statements = StatementTally.on(handle);

      long alice = Blog.author(handle, "alice");
      System.out.println();
      System.out.println("== Delete author alice? ==");
      System.out.println(confirmation("alice", AuthorDeleter.preview(handle, alice)));

      System.out.println();
      System.out.println("== Soft delete (Author's own strategy), then restore ==");
      long bobsComment =
          handle.select(
                  "SELECT c.id FROM comments c JOIN posts p ON p.id = c.post_id JOIN authors a ON a.id = c.author_id"
                      + " WHERE p.author_id = ? AND a.name = 'bob' ORDER BY c.id", alice)
              .mapTo(Long.class).first();
      CommentDeleter.destroy(handle, bobsComment, DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT));
      System.out.println("  bob first soft-deletes his comment " + bobsComment + " on alice's post, on its own.");
      statements.take();
      DeleteResult soft = AuthorDeleter.destroy(handle, alice);
      System.out.println("  " + describe(soft) + ", in " + statements.take() + " statements");
      System.out.println("  Visible authors now: "
          + handle.select("SELECT name FROM authors WHERE " + AuthorDeleter.NOT_DELETED + " ORDER BY name")
              .mapTo(String.class).list());
      Author back = AuthorRestorer.restore(handle, alice);
      System.out.println("  Restored " + back.name() + " in " + statements.take() + " statements: " + census(handle) + ".");
      System.out.println("  bob's comment " + bobsComment + " is still deleted: "
          + (Blog.count(handle, "SELECT COUNT(*) FROM comments WHERE deleted_at IS NOT NULL AND id = " + bobsComment) == 1)
          + ". A restore brings back what its delete removed, nothing deleted before.");
      CommentRestorer.restore(handle, bobsComment);

      System.out.println();
      System.out.println("== Trash, then restore ==");
      long bob = Blog.author(handle, "bob");
      statements.take();
      DeleteResult trash =
          AuthorDeleter.destroy(handle, bob, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
      System.out.println("  " + describe(trash) + ", in " + statements.take() + " statements");
      System.out.println("  In the trash under deletion " + trash.deletionId() + ": "
          + Blog.count(handle, "SELECT COUNT(*) FROM comments_trash") + " comments, "
          + Blog.count(handle, "SELECT COUNT(*) FROM likes_trash") + " likes.");
      statements.take();
      AuthorRestorer.restore(handle, bob);
      System.out.println("  Restored bob in " + statements.take() + " statements: " + census(handle) + "; the trash is empty again ("
          + Blog.count(handle, "SELECT COUNT(*) FROM likes_trash") + " likes in it).");

      System.out.println();
      System.out.println("== The journal: who deleted what, and undo ==");
      DeleteResult moderated =
          AuthorDeleter.destroy(handle, bob, DeleteOptions.defaults()
              .withStrategy(DeleteStrategy.TRASH)
              .withActor("moderator@blog.example")
              .withReason("spam reported"));
      System.out.println("  The moderator trashes bob: " + moderated.totalRows() + " rows.");
      System.out.println("  Who deleted what, newest first:");
      for (Operation op : Journal.recent(handle, 10)) {
        System.out.println("    " + op.deletedAt().truncatedTo(ChronoUnit.SECONDS) + " " + op.strategy() + " "
            + op.table() + " " + op.ids() + " by " + op.actor().orElse("(no actor)")
            + op.reason().map(why -> " (" + why + ")").orElse("") + ": " + op.totalRows() + " rows, " + op.state());
      }
      Operation last = Journal.recent(handle, 1).get(0);
      statements.take();
      List<Author> undone = AuthorRestorer.restoreOperation(handle, last.deletionId());
      System.out.println("  Undo the last delete (" + last.deletionId() + "): restored "
          + undone.stream().map(Author::name).toList() + " in " + statements.take() + " statements: " + census(handle)
          + "; the operation is now " + Journal.find(handle, last.deletionId()).orElseThrow().state() + ".");

      System.out.println();
      System.out.println("== Delete for good ==");
      long carol = Blog.author(handle, "carol");
      statements.take();
      DeleteResult gone =
          AuthorDeleter.destroy(handle, carol, DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT));
      System.out.println("  " + describe(gone) + ", in " + statements.take() + " statements");
      try {
        AuthorRestorer.restore(handle, carol);
      } catch (CascadeException e) {
        System.out.println("  Restore refused: " + e.getMessage());
      }
      System.out.println("  Left: " + census(handle) + ".");
    }
  }

  /** What a confirmation screen would say before deleting. */
  static String confirmation(String name, DeletePreview preview) {
    String how = preview.strategy() == DeleteStrategy.PERMANENT ? "for good" : "(" + preview.strategy() + ", restorable)";
    Map<String, Long> rows = preview.rowsByTable();
    List<String> parts = new ArrayList<>();
    for (String table : List.of("posts", "comments", "likes")) {
      parts.add(rows.getOrDefault(table, 0L) + " " + table);
    }
    String text = "  Deleting author " + name + " " + how + " removes " + String.join(", ", parts) + ".";
    long sessions = preview.nullifiedByTable().getOrDefault("sessions", 0L);
    if (sessions > 0) {
      text += "\n  " + sessions + " sessions will be signed out.";
    }
    return text;
  }

  private static String describe(DeleteResult result) {
    return result.strategy() + ": " + result.totalRows() + " rows " + result.rowsByTable()
        + (result.nullifiedByTable().isEmpty() ? "" : ", unlinked " + result.nullifiedByTable());
  }

  private static String census(Handle handle) {
    return Blog.count(handle, "SELECT COUNT(*) FROM authors WHERE deleted_at IS NULL") + " authors, "
        + Blog.count(handle, "SELECT COUNT(*) FROM posts WHERE deleted_at IS NULL") + " posts, "
        + Blog.count(handle, "SELECT COUNT(*) FROM comments WHERE deleted_at IS NULL") + " comments, "
        + Blog.count(handle, "SELECT COUNT(*) FROM likes WHERE deleted_at IS NULL") + " likes";
  }
}
