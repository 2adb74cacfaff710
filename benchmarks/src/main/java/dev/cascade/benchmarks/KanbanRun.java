package dev.cascade.benchmarks;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.benchmarks.kanban.BoardDeleter;
import dev.cascade.benchmarks.kanban.BoardRestorer;
import dev.cascade.benchmarks.kanban.CardDeleter;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.DatabaseKind;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A kanban app's boards (lists, cards, comments in reply trees, attachments), soft-deleted by
 * default: for each size, in a fresh database analyzed once loaded, as apps run (no {@code ANALYZE}
 * between a delete and its restore), one card soft-deleted on its own, then board 1's soft delete
 * and its restore, timed, and every row compared with before the board's delete. A newcomer's
 * kanban trial found H2's soft restore of an 11,500-row board taking seconds where its delete took
 * a fraction of one. With a third argument {@code batches}, board 1 is trashed in batches of 500
 * instead ({@code destroyInBatches}), which the same trial found growing faster than the rows on
 * SQLite. A fourth argument {@code N} prints the {@code N} slowest statements of each timed delete
 * and restore.
 *
 * <pre>{@code
 * java -cp $CP dev.cascade.benchmarks.KanbanRun 50,200 H2,POSTGRESQL restore 3
 * java -cp $CP dev.cascade.benchmarks.KanbanRun 50,250,500 SQLITE batches
 * }</pre>
 *
 * <p>The size is cards per list: each board has 10 lists, each card 20 comments and 2
 * attachments, so size 50 is a board of 11,511 rows; the database holds 3 boards.
 */
public final class KanbanRun {
  private static final List<String> TABLES = List.of("kb_boards", "kb_lists", "kb_cards", "kb_comments", "kb_attachments");
  private static final int BOARDS = 3;
  private static final int LISTS = 10;
  private static final int COMMENTS = 20;
  private static final int ATTACHMENTS = 2;

  private KanbanRun() {}

  public static void main(String[] args) {
    List<Integer> sizes = ListArgument.integers(args, 0, "50,200");
    List<DatabaseKind> kinds = ListArgument.databases(args, 1, "H2,POSTGRESQL");
    boolean batches = args.length > 2 && args[2].equals("batches");
    int slowest = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    for (DatabaseKind kind : kinds) {
      for (int size : sizes) {
        if (batches) {
          batches(kind, size);
        } else {
          restore(kind, size, slowest);
        }
      }
    }
  }

  private static void restore(DatabaseKind kind, int cardsPerList, int slowest) {
    try (Database database = Database.create(kind);
        Handle handle = database.jdbi().open()) {
      load(handle, cardsPerList);
      Statistics.analyze(handle, kind, TABLES);
      CardDeleter.destroy(handle, cardsPerList + 1L);
      List<List<Object>> before = SoftDeleteStates.of(handle, TABLES);
      StatementLog log = new StatementLog();
      if (slowest > 0) {
        handle.setSqlLogger(log);
      }
      ReportLine line = new ReportLine(String.format("%-10s %,5d cards a list:", kind, cardsPerList));
      DeleteResult result = line.timed("destroy", () -> BoardDeleter.destroy(handle, 1L));
      line.append(String.format(" (%,d rows)", result.totalRows()));
      report(log, slowest);
      line.timed("restore", () -> BoardRestorer.restore(handle, 1L));
      report(log, slowest);
      line.append(SoftDeleteStates.of(handle, TABLES).equals(before) ? ", rows as before" : ", ROWS DIFFER");
      System.out.println(line);
    }
  }

  /**
   * Board 1 trashed in batches of 500, timed; then every row of the other boards must be as
   * before, and none of board 1's left.
   */
  private static void batches(DatabaseKind kind, int cardsPerList) {
    try (Database database = Database.create(kind);
        Handle handle = database.jdbi().open()) {
      load(handle, cardsPerList);
      Statistics.analyze(handle, kind, TABLES);
      List<List<Object>> before = SoftDeleteStates.of(handle, TABLES);
      ReportLine line = new ReportLine(String.format("%-10s %,5d cards a list:", kind, cardsPerList));
      BatchOptions options = BatchOptions.defaults().withStrategy(DeleteStrategy.TRASH).withBatchSize(500);
      BatchResult result = line.timed("destroyInBatches", () -> BoardDeleter.destroyInBatches(handle, 1L, options));
      line.append(String.format(" (%,d rows in %,d batches)", result.totalRows(), result.batches()));
      List<List<Object>> after = SoftDeleteStates.of(handle, TABLES);
      boolean othersAsBefore = after.size() == before.size() - result.totalRows() && new HashSet<>(before).containsAll(after);
      line.append(othersAsBefore ? ", the other boards as before" : ", ROWS DIFFER");
      System.out.println(line);
    }
  }

  private static void report(StatementLog log, int slowest) {
    if (slowest > 0) {
      log.printSlowest(slowest, System.out);
      log.clear();
    }
  }


  /**
   * {@code BOARDS} boards of {@code LISTS} lists of {@code cardsPerList} cards; each card with
   * {@code COMMENTS} comments, the first three at the top and each other a reply to an earlier
   * one of its card, and {@code ATTACHMENTS} attachments.
   */
  static void load(Handle handle, int cardsPerList) {
    handle.execute("CREATE TABLE kb_boards (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, deleted_at TIMESTAMP)");
    handle.execute("CREATE TABLE kb_lists (id BIGINT PRIMARY KEY, board_id BIGINT NOT NULL REFERENCES kb_boards (id),"
        + " name VARCHAR(100) NOT NULL, deleted_at TIMESTAMP)");
    handle.execute("CREATE TABLE kb_cards (id BIGINT PRIMARY KEY, list_id BIGINT NOT NULL REFERENCES kb_lists (id),"
        + " title VARCHAR(100) NOT NULL, deleted_at TIMESTAMP)");
    handle.execute("CREATE TABLE kb_comments (id BIGINT PRIMARY KEY, card_id BIGINT NOT NULL REFERENCES kb_cards (id),"
        + " parent_id BIGINT REFERENCES kb_comments (id), body VARCHAR(200) NOT NULL, deleted_at TIMESTAMP)");
    handle.execute("CREATE TABLE kb_attachments (id BIGINT PRIMARY KEY, card_id BIGINT NOT NULL REFERENCES kb_cards (id),"
        + " file_name VARCHAR(100) NOT NULL, deleted_at TIMESTAMP)");
    for (String index : List.of("kb_lists (board_id)", "kb_cards (list_id)", "kb_comments (card_id)",
        "kb_comments (parent_id)", "kb_attachments (card_id)")) {
      handle.execute("CREATE INDEX " + index.replaceAll("[ ()]+", "_") + "ix ON " + index);
    }
    TrashTables.ddl(handle, BoardDeleter.schema()).forEach(handle::execute);
    Random random = new Random(18);
    PreparedBatch boards = handle.prepareBatch("INSERT INTO kb_boards (id, name) VALUES (?, ?)");
    PreparedBatch lists = handle.prepareBatch("INSERT INTO kb_lists (id, board_id, name) VALUES (?, ?, ?)");
    PreparedBatch cards = handle.prepareBatch("INSERT INTO kb_cards (id, list_id, title) VALUES (?, ?, ?)");
    PreparedBatch comments = handle.prepareBatch("INSERT INTO kb_comments (id, card_id, parent_id, body) VALUES (?, ?, ?, ?)");
    PreparedBatch attachments = handle.prepareBatch("INSERT INTO kb_attachments (id, card_id, file_name) VALUES (?, ?, ?)");
    long list = 0;
    long card = 0;
    long comment = 0;
    long attachment = 0;
    for (long board = 1; board <= BOARDS; board++) {
      boards.add(board, "board " + board);
      for (int l = 0; l < LISTS; l++) {
        lists.add(++list, board, "list " + list);
        for (int c = 0; c < cardsPerList; c++) {
          cards.add(++card, list, "card " + card);
          long first = comment + 1;
          for (int m = 0; m < COMMENTS; m++) {
            Long parent = m < 3 ? null : first + random.nextInt(m);
            comments.add(++comment, card, parent, "comment " + comment);
          }
          for (int a = 0; a < ATTACHMENTS; a++) {
            attachments.add(++attachment, card, "file " + attachment);
          }
        }
      }
    }
    boards.execute();
    lists.execute();
    cards.execute();
    comments.execute();
    attachments.execute();
  }
}
