package dev.cascade.it.quotes;

import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.Inserts;
import dev.cascade.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Questions and their comments: reply trees whose comments quote one another, with attachments
 * that copy one another.
 */
public final class Quotes {
  public static final List<String> TABLES =
      List.of("qa_questions", "qa_comments", "qa_attachments", "qa_questions_trash", "qa_comments_trash", "qa_attachments_trash");

  private final Handle handle;

  private Quotes(Handle handle) {
    this.handle = handle;
  }

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE qa_questions (id ${id}, title VARCHAR(100) NOT NULL)",
            "CREATE TABLE qa_comments (id ${id}, question_id BIGINT NOT NULL, reply_to_id BIGINT, quotes_id BIGINT,"
                + " body VARCHAR(100) NOT NULL, FOREIGN KEY (question_id) REFERENCES qa_questions (id),"
                + " FOREIGN KEY (reply_to_id) REFERENCES qa_comments (id), FOREIGN KEY (quotes_id) REFERENCES qa_comments (id))",
            "CREATE INDEX qa_comments_question_id ON qa_comments (question_id)",
            "CREATE INDEX qa_comments_reply_to_id ON qa_comments (reply_to_id)",
            "CREATE INDEX qa_comments_quotes_id ON qa_comments (quotes_id)",
            "CREATE TABLE qa_attachments (id ${id}, comment_id BIGINT NOT NULL, copy_of_id BIGINT, name VARCHAR(100) NOT NULL,"
                + " FOREIGN KEY (comment_id) REFERENCES qa_comments (id), FOREIGN KEY (copy_of_id) REFERENCES qa_attachments (id))",
            "CREATE INDEX qa_attachments_comment_id ON qa_attachments (comment_id)",
            "CREATE INDEX qa_attachments_copy_of_id ON qa_attachments (copy_of_id)"));
    database.jdbi().useHandle(h -> TrashTables.ddl(h, QuestionDeleter.schema()).forEach(h::execute));
  }

  public static Quotes on(Handle handle) {
    return new Quotes(handle);
  }

  public long question(String title) {
    return Inserts.returningId(handle, "INSERT INTO qa_questions (title) VALUES (?)", title);
  }

  public long comment(long questionId, Long replyToId, String body) {
    return Inserts.returningId(
        handle, "INSERT INTO qa_comments (question_id, reply_to_id, body) VALUES (?, ?, ?)", questionId, replyToId, body);
  }

  public long attachment(long commentId, Long copyOfId, String name) {
    return Inserts.returningId(
        handle, "INSERT INTO qa_attachments (comment_id, copy_of_id, name) VALUES (?, ?, ?)", commentId, copyOfId, name);
  }

  /** Makes one comment quote another. */
  public void quote(long commentId, Long quotedId) {
    handle.execute("UPDATE qa_comments SET quotes_id = ? WHERE id = ?", quotedId, commentId);
  }

  /** Each live comment's id, the comment it replies to and the one it quotes, by id. */
  public List<List<Object>> comments() {
    return handle.createQuery("SELECT id, reply_to_id, quotes_id FROM qa_comments ORDER BY id")
        .map((rs, ctx) -> Arrays.<Object>asList(rs.getLong(1), nullable(rs, 2), nullable(rs, 3)))
        .list();
  }

  /** Each live attachment's id and the attachment it copies, by id. */
  public List<List<Object>> attachments() {
    return handle.createQuery("SELECT id, copy_of_id FROM qa_attachments ORDER BY id")
        .map((rs, ctx) -> Arrays.<Object>asList(rs.getLong(1), nullable(rs, 2)))
        .list();
  }

  private static Long nullable(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
