package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.labels.Boards;
import dev.cascade.it.labels.Card;
import dev.cascade.it.labels.CardDeleter;
import dev.cascade.it.labels.CardRestorer;
import dev.cascade.it.labels.LabelDeleter;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.ParentStillDeletedException;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A card trashed with its rows of a join table (no key), one of whose labels is then deleted for
 * good: those join rows can never come back, and they hold the card's restore. The refusal says
 * how to let the rest come back (a newcomer's trial: a project stuck in the trash after a purge of
 * one of its labels). Not covered: the restore leaving such rows out by itself.
 */
class TrashedJoinRowsTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final DeleteOptions PERMANENT = DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT);

  @AllDatabases
  void aTrashedCardWhoseLabelIsGoneForGoodIsRefusedSayingWhichJoinRowsToRemove(TestDatabase db) {
    Boards.create(db);
    try (Handle handle = db.jdbi().open()) {
      Boards boards = Boards.on(handle);
      long board = boards.board("work");
      long urgent = boards.label(board, "urgent");
      long later = boards.label(board, "later");
      long card = boards.card(board, null, "ship it");
      boards.tag(card, urgent);
      boards.tag(card, later);
      CardDeleter.destroy(handle, card, TRASH);
      LabelDeleter.destroy(handle, urgent, PERMANENT);
      Snapshot before = db.snapshot(Boards.TABLES);

      assertThatThrownBy(() -> CardRestorer.restore(handle, card))
          .isInstanceOf(ParentStillDeletedException.class)
          .hasMessageContaining("labels " + urgent + ", which is still deleted (card_labels.label_id -> labels)")
          .hasMessageEndingWith("card_labels has no key (a join table): if that labels row is gone for good, its rows"
              + " there can never come back, and removing them from the trash lets the rest restore"
              + " (DELETE FROM card_labels_trash WHERE label_id = " + urgent + ")");
      assertThat(db.snapshot(Boards.TABLES)).isEqualTo(before);

      handle.execute("DELETE FROM card_labels_trash WHERE label_id = " + urgent);
      Card back = CardRestorer.restore(handle, card);

      assertThat(back.title()).isEqualTo("ship it");
      assertThat(handle.createQuery("SELECT label_id FROM card_labels WHERE card_id = :card").bind("card", card)
              .mapTo(Long.class).list())
          .isEqualTo(List.of(later));
    }
  }
}
