package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.labels.BoardDeleter;
import dev.cascade.it.labels.BoardRestorer;
import dev.cascade.it.labels.Boards;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.OperationState;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.HashPrefixSqlParser;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * An application that reads its own SQL another way: {@code #name} parameters and a template
 * engine of its own. Cascade's statements keep their own syntax, so every call works as on a plain
 * {@code Jdbi}, and the application's engine never sees them.
 */
class JdbiSettingsTest {
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  @AllDatabases
  void anotherParserAndTemplateEngineOnTheJdbiLeaveCascadesStatementsAlone(TestDatabase db) {
    Boards.create(db);
    List<String> rendered = new ArrayList<>();
    TemplateEngine engine = (template, ctx) -> {
      rendered.add(template);
      return template;
    };
    db.jdbi().setSqlParser(new HashPrefixSqlParser()).setTemplateEngine(engine);
    try (Handle handle = db.jdbi().open()) {
      MovingClock clock = new MovingClock(Instant.parse("2024-01-01T10:00:00Z"));
      handle.getConfig(CascadeConfig.class).setClock(clock);
      long board = handle.createQuery("SELECT COUNT(*) FROM boards WHERE name = #name").bind("name", "x")
          .mapTo(Long.class).one();
      assertThat(board).isZero();
      Boards boards = Boards.on(handle);
      long kept = boards.board("kept");
      long trashed = boards.board("trashed");
      long card = boards.card(trashed, boards.label(trashed, "red"), "card");
      boards.tag(card, boards.label(trashed, "blue"));
      List<Long> many = new ArrayList<>();
      for (int i = 0; i < 1_500; i++) {
        many.add(boards.board("many " + i));
      }
      Snapshot before = db.snapshot(Boards.TABLES);

      assertThat(BoardDeleter.preview(handle, trashed, TRASH).totalRows()).isEqualTo(5);
      DeleteResult trash = BoardDeleter.destroy(handle, trashed, TRASH);
      DeleteResult soft = BoardDeleter.destroyAll(handle, many, SOFT);
      assertThat(trash.rowsByTable()).containsEntry("card_labels", 1L).containsEntry("labels", 2L);
      assertThat(soft.deletedCount()).isEqualTo(1_500);
      BoardRestorer.restoreOperation(handle, trash.deletionId());
      BoardRestorer.restoreOperation(handle, soft.deletionId());
      assertThat(db.snapshot(Boards.TABLES)).isEqualTo(before);

      DeleteResult again = BoardDeleter.destroy(handle, trashed, TRASH);
      clock.pass(Duration.ofDays(31));
      assertThat(Journal.purge(handle, PurgeOptions.olderThan(Duration.ofDays(30))).rowsByTable()).containsEntry("boards_trash", 1L);
      assertThat(Journal.find(handle, again.deletionId()).orElseThrow().state()).isEqualTo(OperationState.PURGED);
      assertThat(SchemaCheck.problems(handle, true, BoardDeleter.schema())).isEmpty();
      handle.execute("DROP TABLE card_labels_trash");
      assertThat(String.join("\n", TrashTables.ddl(handle, BoardDeleter.schema()))).contains("card_labels_trash");
      assertThat(handle.select("SELECT id FROM boards WHERE id = ?", kept).mapTo(Long.class).list()).containsExactly(kept);
      // The application's engine rendered its own statements (and the snapshots') and none of Cascade's.
      List<String> applications = List.of("INSERT INTO ", "SELECT * FROM ", "DROP TABLE card_labels_trash",
          "SELECT COUNT(*) FROM boards WHERE name = #name", "SELECT id FROM boards WHERE id = ?");
      assertThat(rendered).isNotEmpty().allMatch(sql -> applications.stream().anyMatch(sql::startsWith));
    }
  }
}
