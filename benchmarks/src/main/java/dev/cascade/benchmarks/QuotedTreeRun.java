package dev.cascade.benchmarks;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.benchmarks.quotes.QuestionDeleter;
import dev.cascade.benchmarks.quotes.QuestionRestorer;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A question whose comments are reply trees that quote one another (README, "Trees"), each size in
 * a fresh database (H2 or PostgreSQL), analyzed once loaded: its {@code TRASH} preview, delete and
 * restore, timed one by one, and the comments compared with those before (but the quotes from
 * another question's comments, which a restore does not put back). A newcomer's Q&A trial found
 * the preview quadratic on H2, and the restore failing there.
 *
 * <pre>{@code java -cp $CP dev.cascade.benchmarks.QuotedTreeRun 2000,5000,20000 H2,POSTGRESQL}</pre>
 */
public final class QuotedTreeRun {
  private static final List<String> TABLES = List.of("qa_questions", "qa_comments", "qa_questions_trash", "qa_comments_trash");
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  private QuotedTreeRun() {}

  public static void main(String[] args) {
    List<Integer> sizes = ListArgument.integers(args, 0, "2000,5000,20000");
    List<DatabaseKind> kinds = ListArgument.databases(args, 1, "H2,POSTGRESQL");
    for (DatabaseKind kind : kinds) {
      for (int size : sizes) {
        run(kind, size);
      }
    }
  }

  private static void run(DatabaseKind kind, int comments) {
    try (Database database = Database.create(kind);
        Handle handle = database.jdbi().open()) {
      load(handle, comments);
      Statistics.analyze(handle, kind, TABLES);
      List<List<Object>> before = comments(handle);
      ReportLine line = new ReportLine(String.format("%-10s %,7d comments:", kind, comments));
      DeletePreview preview = line.timed("preview", () -> QuestionDeleter.preview(handle, 1L, TRASH));
      DeleteResult result = line.timed("destroy", () -> QuestionDeleter.destroy(handle, 1L, TRASH));
      line.append(
          String.format(" (%,d rows, %,d unlinked)", result.totalRows(), result.nullifiedByTable().getOrDefault("qa_comments", 0L)));
      try {
        line.timed("restore", () -> QuestionRestorer.restore(handle, 1L));
        // The quotes from the other question's comments are not put back: put them back, then compare.
        for (List<Object> row : before) {
          if ((long) row.get(1) == 2L && row.get(3) != null) {
            handle.execute("UPDATE qa_comments SET quotes_id = ? WHERE id = ?", row.get(3), row.get(0));
          }
        }
        line.append(comments(handle).equals(before) ? ", rows as before" : ", ROWS DIFFER");
      } catch (RuntimeException failed) {
        line.append(" restore FAILED: ").append(failed.getClass().getSimpleName());
      }
      line.append(String.format(" [preview counted %,d comments, %,d unlinked]",
          preview.rowsByTable().get("qa_comments"), preview.nullifiedByTable().getOrDefault("qa_comments", 0L)));
      System.out.println(line);
    }
  }


  /**
   * Question 1 with {@code comments} comments, a tenth of them at the top, each other a reply to an
   * earlier one; a third quote any other comment of it; question 2 with a tenth as many, some
   * quoting question 1's comments and quoted by them.
   */
  private static void load(Handle handle, int comments) {
    handle.execute("CREATE TABLE qa_questions (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL)");
    handle.execute("CREATE TABLE qa_comments (id BIGINT PRIMARY KEY, question_id BIGINT NOT NULL REFERENCES qa_questions (id),"
        + " reply_to_id BIGINT REFERENCES qa_comments (id), quotes_id BIGINT REFERENCES qa_comments (id), body VARCHAR(200) NOT NULL)");
    handle.execute("CREATE INDEX qa_comments_question_id ON qa_comments (question_id)");
    handle.execute("CREATE INDEX qa_comments_reply_to_id ON qa_comments (reply_to_id)");
    handle.execute("CREATE INDEX qa_comments_quotes_id ON qa_comments (quotes_id)");
    TrashTables.ddl(handle, QuestionDeleter.schema()).forEach(handle::execute);
    handle.execute("INSERT INTO qa_questions (id, title) VALUES (1, 'why'), (2, 'how')");
    Random random = new Random(17);
    int others = Math.max(comments / 10, 2);
    int all = comments + others;
    PreparedBatch insert = handle.prepareBatch("INSERT INTO qa_comments (id, question_id, reply_to_id, body) VALUES (?, ?, ?, ?)");
    List<long[]> quotes = new ArrayList<>();
    for (int id = 1; id <= all; id++) {
      boolean first = id <= comments;
      int from = first ? 1 : comments + 1;
      Long replyTo = id - from < (first ? comments : others) / 10 ? null : (long) (from + random.nextInt(id - from));
      insert.add(id, first ? 1 : 2, replyTo, "comment " + id);
      long quoted = first && random.nextInt(20) == 0 ? comments + 1 + random.nextInt(others) : 1 + random.nextInt(comments);
      if (random.nextInt(3) == 0 && quoted != id) {
        quotes.add(new long[] {id, quoted});
      }
    }
    insert.execute();
    PreparedBatch quote = handle.prepareBatch("UPDATE qa_comments SET quotes_id = ? WHERE id = ?");
    quotes.forEach(q -> quote.add(q[1], q[0]));
    quote.execute();
  }

  /** Every comment: id, question, the comment it replies to, the one it quotes. */
  private static List<List<Object>> comments(Handle handle) {
    return handle.createQuery("SELECT id, question_id, reply_to_id, quotes_id FROM qa_comments ORDER BY id")
        .map((rs, ctx) -> {
          List<Object> row = new ArrayList<>();
          for (int column = 1; column <= 4; column++) {
            long value = rs.getLong(column);
            row.add(rs.wasNull() ? null : value);
          }
          return row;
        })
        .list();
  }
}
