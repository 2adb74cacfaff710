package dev.cascade.it.labels;

import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.Inserts;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Boards with cards and labels, a keyless join table between them, and trash tables. */
public final class Boards {
  public static final List<String> TABLES =
      List.of("boards", "cards", "labels", "card_labels", "boards_trash", "cards_trash",
          "labels_trash", "card_labels_trash");

  private final Handle handle;

  private Boards(Handle handle) {
    this.handle = handle;
  }

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE boards (id ${id}, name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE labels (id ${id}, board_id BIGINT NOT NULL, name VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (board_id) REFERENCES boards (id))",
            "CREATE INDEX labels_board_id ON labels (board_id)",
            "CREATE TABLE cards (id ${id}, board_id BIGINT NOT NULL, pinned_label_id BIGINT,"
                + " title VARCHAR(100) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (board_id) REFERENCES boards (id),"
                + " FOREIGN KEY (pinned_label_id) REFERENCES labels (id))",
            "CREATE INDEX cards_board_id ON cards (board_id)",
            "CREATE INDEX cards_pinned_label_id ON cards (pinned_label_id)",
            "CREATE TABLE card_labels (card_id BIGINT NOT NULL, label_id BIGINT NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (card_id) REFERENCES cards (id),"
                + " FOREIGN KEY (label_id) REFERENCES labels (id))",
            "CREATE INDEX card_labels_card_id ON card_labels (card_id)",
            "CREATE INDEX card_labels_label_id ON card_labels (label_id)"));
    database.jdbi().useHandle(h -> {
      Journal.ddl(Dialect.of(h)).forEach(h::execute);
      TrashTables.ddl(h, BoardDeleter.schema()).forEach(h::execute);
    });
  }

  public static Boards on(Handle handle) {
    return new Boards(handle);
  }

  public long board(String name) {
    return insert("INSERT INTO boards (name) VALUES (?)", name);
  }

  public long label(long board, String name) {
    return insert("INSERT INTO labels (board_id, name) VALUES (?, ?)", board, name);
  }

  public long card(long board, Long pinnedLabel, String title) {
    return insert(
        "INSERT INTO cards (board_id, pinned_label_id, title) VALUES (?, ?, ?)", board, pinnedLabel, title);
  }

  public void tag(long card, long label) {
    handle.execute("INSERT INTO card_labels (card_id, label_id) VALUES (?, ?)", card, label);
  }

  private long insert(String sql, Object... values) {
    return Inserts.returningId(handle, sql, values);
  }
}
