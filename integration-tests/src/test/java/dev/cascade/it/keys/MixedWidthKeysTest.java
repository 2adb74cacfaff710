package dev.cascade.it.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.keys.market.Market;
import dev.cascade.it.keys.market.Stall;
import dev.cascade.it.keys.market.StallDeleter;
import dev.cascade.it.keys.market.StallRestorer;
import dev.cascade.it.keys.market.WareDeleter;
import dev.cascade.it.keys.market.WareRestorer;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * Keys of several whole-number widths in one cascade: stalls keyed by {@code int}, their wares by
 * {@code long} (a {@code long} foreign key to the stall's {@code int}), and ratings of either in one
 * {@code long} column (trial 23's reviews of shops and products, refused at compile time before).
 * Stall 1 and ware 1 share a number, so a rating is told apart by its type alone. On every
 * database, in each strategy, and with a stall's key taken while it is in the trash.
 */
class MixedWidthKeysTest {
  private static final DeleteOptions PERMANENT = DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT);
  private static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  private record Stalls(int first, int second, long firstWare) {}

  private static Stalls fill(Handle handle) {
    int first = Market.stall(handle, "first");
    int second = Market.stall(handle, "second");
    long firstWare = Market.ware(handle, first, "apples");
    long otherWare = Market.ware(handle, first, "pears");
    long secondWare = Market.ware(handle, second, "plums");
    Market.rating(handle, "stall", first, 5);
    Market.rating(handle, "stall", first, 4);
    Market.rating(handle, "ware", firstWare, 3);
    Market.rating(handle, "ware", otherWare, 2);
    Market.rating(handle, "stall", second, 1);
    Market.rating(handle, "ware", secondWare, 5);
    return new Stalls(first, second, firstWare);
  }

  @AllDatabases
  void aStallGoesWithItsWaresAndBothKindsOfRatingsAndComesBackInEachStrategy(TestDatabase db) {
    Market.create(db);
    try (Handle handle = db.jdbi().open()) {
      Stalls stalls = fill(handle);
      assertThat(stalls.firstWare()).as("a ware and a stall that share a number").isEqualTo(stalls.first());
      Snapshot before = db.snapshot(Market.TABLES_WITH_TRASH);
      Snapshot live = db.snapshot(Market.TABLES);
      Snapshot removed = withoutFirstStall(live, stalls);

      DeleteResult trashed = StallDeleter.destroy(handle, stalls.first(), TRASH);
      assertThat(trashed.rowsByTable()).containsExactlyInAnyOrderEntriesOf(Map.of("ratings", 4L, "wares", 2L, "stalls", 1L));
      assertThat(db.snapshot(Market.TABLES)).isEqualTo(removed);
      assertThat(StallRestorer.restore(handle, stalls.first())).extracting(Stall::id).isEqualTo(stalls.first());
      assertThat(db.snapshot(Market.TABLES_WITH_TRASH)).isEqualTo(before);

      DeleteResult soft = StallDeleter.destroy(handle, stalls.first(), SOFT);
      assertThat(soft.rowsByTable()).containsExactlyInAnyOrderEntriesOf(Map.of("ratings", 4L, "wares", 2L, "stalls", 1L));
      assertThat(handle.select("SELECT COUNT(*) FROM ratings WHERE deleted_at IS NOT NULL").mapTo(Long.class).one()).isEqualTo(4L);
      StallRestorer.restore(handle, stalls.first());
      assertThat(db.snapshot(Market.TABLES_WITH_TRASH)).isEqualTo(before);

      WareDeleter.destroy(handle, stalls.firstWare(), TRASH);
      assertThat(db.snapshot(Market.TABLES))
          .as("the ware's rating only, not the stall's of the same number")
          .isEqualTo(live.without("wares", id(stalls.firstWare()))
              .without("ratings", r -> "ware".equals(r.get("subject_type"))
                  && ((Number) r.get("subject_id")).longValue() == stalls.firstWare()));
      WareRestorer.restore(handle, stalls.firstWare());
      assertThat(db.snapshot(Market.TABLES_WITH_TRASH)).isEqualTo(before);

      StallDeleter.destroy(handle, stalls.first(), PERMANENT);
      assertThat(db.snapshot(Market.TABLES)).isEqualTo(removed);
    }
  }

  /**
   * A stall's {@code int} key taken while it is in the trash: it comes back under a new one, and
   * its wares' {@code long} foreign keys and its ratings follow it; the rating of the ware that
   * shares its old number does not.
   */
  @AllDatabases
  void aStallWhoseKeyWasTakenComesBackUnderANewOneWithItsWaresAndRatings(TestDatabase db) {
    Market.create(db);
    try (Handle handle = db.jdbi().open()) {
      Stalls stalls = fill(handle);
      StallDeleter.destroy(handle, stalls.first(), TRASH);
      handle.execute("INSERT INTO stalls (id, name) VALUES (?, 'squatter')", stalls.first());

      int moved = StallRestorer.restore(handle, stalls.first()).id();

      assertThat(moved).isNotEqualTo(stalls.first());
      assertThat(handle.select("SELECT COUNT(*) FROM wares WHERE stall_id = ?", moved).mapTo(Long.class).one()).isEqualTo(2L);
      assertThat(handle.select("SELECT stars FROM ratings WHERE subject_type = 'stall' AND subject_id = ? ORDER BY stars", moved)
              .mapTo(Integer.class).list())
          .containsExactly(4, 5);
      assertThat(handle.select("SELECT stars FROM ratings WHERE subject_id = ? ORDER BY subject_type", (long) stalls.first())
              .mapTo(Integer.class).list())
          .as("the ware's rating of the old number stays the ware's")
          .containsExactly(3);
      assertThat(handle.select("SELECT COUNT(*) FROM ratings").mapTo(Long.class).one()).isEqualTo(6L);
    }
  }

  /** The live rows without the first stall, its two wares and its four ratings. */
  private static Snapshot withoutFirstStall(Snapshot live, Stalls stalls) {
    List<Long> firstWares =
        live.rows("wares").stream().filter(r -> ((Number) r.get("stall_id")).longValue() == stalls.first())
            .map(r -> ((Number) r.get("id")).longValue()).toList();
    return live.without("stalls", id(stalls.first()))
        .without("wares", r -> ((Number) r.get("stall_id")).longValue() == stalls.first())
        .without("ratings", r -> {
          long subject = ((Number) r.get("subject_id")).longValue();
          return "stall".equals(r.get("subject_type")) ? subject == stalls.first() : firstWares.contains(subject);
        });
  }

  private static Predicate<Map<String, Object>> id(long id) {
    return r -> ((Number) r.get("id")).longValue() == id;
  }
}
