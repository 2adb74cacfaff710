package dev.cascade.it.threads;

import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.Inserts;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Members, their topics, and threaded replies: a tree reached through two relations. */
public final class Threads {
  public static final List<String> TABLES =
      List.of(
          "thread_members", "thread_topics", "thread_replies",
          "thread_members_trash", "thread_topics_trash", "thread_replies_trash");

  private final Handle handle;

  private Threads(Handle handle) {
    this.handle = handle;
  }

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE thread_members (id ${id}, name VARCHAR(100) NOT NULL)",
            "CREATE TABLE thread_topics (id ${id}, member_id BIGINT NOT NULL, title VARCHAR(100) NOT NULL,"
                + " FOREIGN KEY (member_id) REFERENCES thread_members (id))",
            "CREATE INDEX thread_topics_member_id ON thread_topics (member_id)",
            "CREATE TABLE thread_replies (id ${id}, topic_id BIGINT NOT NULL, author_id BIGINT NOT NULL, parent_id BIGINT,"
                + " body VARCHAR(100) NOT NULL, FOREIGN KEY (topic_id) REFERENCES thread_topics (id),"
                + " FOREIGN KEY (author_id) REFERENCES thread_members (id), FOREIGN KEY (parent_id) REFERENCES thread_replies (id))",
            "CREATE INDEX thread_replies_topic_id ON thread_replies (topic_id)",
            "CREATE INDEX thread_replies_author_id ON thread_replies (author_id)",
            "CREATE INDEX thread_replies_parent_id ON thread_replies (parent_id)"));
    database.jdbi().useHandle(h -> TrashTables.ddl(h, MemberDeleter.schema()).forEach(h::execute));
  }

  public static Threads on(Handle handle) {
    return new Threads(handle);
  }

  public long member(String name) {
    return Inserts.returningId(handle, "INSERT INTO thread_members (name) VALUES (?)", name);
  }

  public long topic(long memberId, String title) {
    return Inserts.returningId(handle, "INSERT INTO thread_topics (member_id, title) VALUES (?, ?)", memberId, title);
  }

  public long reply(long topicId, long authorId, Long parentId, String body) {
    return Inserts.returningId(
        handle, "INSERT INTO thread_replies (topic_id, author_id, parent_id, body) VALUES (?, ?, ?, ?)", topicId, authorId,
        parentId, body);
  }
}
