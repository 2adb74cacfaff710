package dev.cascade.it.social;

import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.Inserts;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Profiles, friendships between them and messages from one to another, with trash tables. */
public final class Social {
  public static final List<String> TABLES =
      List.of("profiles", "friendships", "messages", "profiles_trash", "friendships_trash", "messages_trash");

  private final Handle handle;

  private Social(Handle handle) {
    this.handle = handle;
  }

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE profiles (id ${id}, name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE friendships (profile_id BIGINT NOT NULL, friend_id BIGINT NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (profile_id) REFERENCES profiles (id), FOREIGN KEY (friend_id) REFERENCES profiles (id))",
            "CREATE INDEX friendships_profile_id ON friendships (profile_id)",
            "CREATE INDEX friendships_friend_id ON friendships (friend_id)",
            "CREATE TABLE messages (id ${id}, sender_id BIGINT NOT NULL, recipient_id BIGINT, body VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (sender_id) REFERENCES profiles (id),"
                + " FOREIGN KEY (recipient_id) REFERENCES profiles (id))",
            "CREATE INDEX messages_sender_id ON messages (sender_id)",
            "CREATE INDEX messages_recipient_id ON messages (recipient_id)"));
    database.jdbi().useHandle(h -> {
      Journal.ddl(Dialect.of(h)).forEach(h::execute);
      TrashTables.ddl(h, ProfileDeleter.schema()).forEach(h::execute);
    });
  }

  public static Social on(Handle handle) {
    return new Social(handle);
  }

  public long profile(String name) {
    return Inserts.returningId(handle, "INSERT INTO profiles (name) VALUES (?)", name);
  }

  public void friends(long profile, long friend) {
    handle.execute("INSERT INTO friendships (profile_id, friend_id) VALUES (?, ?)", profile, friend);
  }

  public void message(long sender, long recipient, String body) {
    handle.execute("INSERT INTO messages (sender_id, recipient_id, body) VALUES (?, ?, ?)", sender, recipient, body);
  }
}
