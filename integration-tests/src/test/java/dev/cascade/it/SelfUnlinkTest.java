package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forks.CookDeleter;
import dev.cascade.it.forks.CookRestorer;
import dev.cascade.it.forks.Dish;
import dev.cascade.it.forks.DishDeleter;
import dev.cascade.it.forks.DishRestorer;
import dev.cascade.it.forks.Forks;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.BatchResult;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A table that unlinks its own rows ({@code SET_NULL} to itself: a fork's link to its original).
 * A row trashed with the row it links to keeps the link in the trash and gets it back with it (a
 * newcomer's trial found it blanked before the copy, so that a restore brought the fork back
 * unlinked); a row outside the operation is unlinked, as any {@code SET_NULL} child.
 */
class SelfUnlinkTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final DeleteOptions PERMANENT = DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT);

  private static List<Object> link(long id, Long forkedFrom) {
    return Arrays.asList(id, forkedFrom);
  }

  @AllDatabases
  void aForkTrashedWithItsOriginalComesBackLinkedToIt(TestDatabase db) {
    Forks.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forks forks = Forks.on(handle);
      long ann = forks.cook("ann");
      long bread = forks.dish(ann, null, "bread");
      long fork = forks.dish(ann, bread, "bread, forked");
      long outside = forks.dish(ann, bread, "bread, forked again");
      Snapshot before = db.snapshot(Forks.TABLES);

      DeleteResult result = DishDeleter.destroyAll(handle, List.of(bread, fork));

      assertThat(result.rowsByTable()).containsExactly(Map.entry("dishes", 2L));
      assertThat(result.nullifiedByTable()).containsExactly(Map.entry("dishes", 1L));
      assertThat(handle.createQuery("SELECT forked_from_id FROM dishes_trash WHERE id = :id").bind("id", fork)
              .mapTo(Long.class).one())
          .as("the trash copy keeps the link")
          .isEqualTo(bread);
      assertThat(forks.links()).containsExactly(link(outside, null));

      List<Dish> back = DishRestorer.restoreOperation(handle, result.deletionId());

      assertThat(back).extracting(Dish::id).containsExactlyInAnyOrder(bread, fork);
      assertThat(forks.links()).containsExactly(link(bread, null), link(fork, bread), link(outside, null));
      handle.execute("UPDATE dishes SET forked_from_id = ? WHERE id = ?", bread, outside);
      assertThat(db.snapshot(Forks.TABLES)).isEqualTo(before);
    }
  }

  /** The cook's delete reaches the dishes through the cook and through its menu: one copy each. */
  @AllDatabases
  void aChainOfForksTrashedThroughItsCookComesBackWhole(TestDatabase db) {
    Forks.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forks forks = Forks.on(handle);
      long ann = forks.cook("ann");
      Forks.Chain chain = forks.chain(ann);
      forks.onMenu(chain.soup(), handle.select("SELECT menu_id FROM dishes WHERE id = ?", chain.fork()).mapTo(Long.class).one());
      Snapshot before = db.snapshot(Forks.TABLES);

      CookDeleter.destroy(handle, ann, TRASH);
      assertThat(forks.links()).isEmpty();
      CookRestorer.restore(handle, ann);

      assertThat(db.snapshot(Forks.TABLES)).isEqualTo(before);
    }
  }

  /**
   * In batches, each batch copies the rows it deletes: the forks go leaves first, so that none is
   * unlinked before its copy (a newcomer's trial found every merged ticket back unmerged after a
   * batched trash of its organization).
   */
  @AllDatabases
  void aChainOfForksTrashedInBatchesKeepsItsLinksInTheTrashAndComesBackWhole(TestDatabase db) {
    Forks.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forks forks = Forks.on(handle);
      long ann = forks.cook("ann");
      Forks.Chain chain = forks.chain(ann);
      long outside = forks.dish(forks.cook("bob"), chain.bread(), "bread, bob's fork");
      Snapshot before = db.snapshot(Forks.TABLES);

      BatchResult result = CookDeleter.destroyInBatches(handle, ann, BatchOptions.defaults().withBatchSize(1).withStrategy(DeleteStrategy.TRASH));

      assertThat(result.rowsByTable()).containsEntry("dishes", 4L);
      assertThat(result.nullifiedByTable()).containsExactly(Map.entry("dishes", 1L));
      assertThat(forks.links()).containsExactly(link(outside, null));
      assertThat(forks.trashedLinks())
          .as("the trash copies keep their links")
          .containsExactly(
              link(chain.soup(), chain.forkOfFork()), link(chain.bread(), null), link(chain.fork(), chain.bread()),
              link(chain.forkOfFork(), chain.fork()));

      CookRestorer.restore(handle, ann);

      handle.execute("UPDATE dishes SET forked_from_id = ? WHERE id = ?", chain.bread(), outside);
      assertThat(db.snapshot(Forks.TABLES)).isEqualTo(before);
    }
  }

  /**
   * Forks whose links loop, which no batch can take leaves first, are unlinked and deleted last:
   * the batched trash goes through, and their copies lose the links of the loop (a {@code destroy}
   * keeps them); a fork of the loop keeps its own.
   */
  @AllDatabases
  void forksWhoseLinksLoopAreTrashedInBatchesUnlinked(TestDatabase db) {
    Forks.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forks forks = Forks.on(handle);
      long ann = forks.cook("ann");
      long bread = forks.dish(ann, null, "bread");
      long fork = forks.dish(ann, bread, "bread, forked");
      handle.execute("UPDATE dishes SET forked_from_id = ? WHERE id = ?", fork, bread);
      long forkOfFork = forks.dish(ann, fork, "bread, forked twice");

      BatchResult result = CookDeleter.destroyInBatches(handle, ann, BatchOptions.defaults().withBatchSize(1).withStrategy(DeleteStrategy.TRASH));

      assertThat(result.rowsByTable()).containsEntry("dishes", 3L);
      assertThat(forks.links()).isEmpty();
      assertThat(forks.trashedLinks()).containsExactly(link(bread, null), link(fork, null), link(forkOfFork, fork));

      CookRestorer.restore(handle, ann);

      assertThat(forks.links()).containsExactly(link(bread, null), link(fork, null), link(forkOfFork, fork));
    }
  }

  @AllDatabases
  void aForkRestoredWithoutItsOriginalComesBackUnlinked(TestDatabase db) {
    Forks.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forks forks = Forks.on(handle);
      long ann = forks.cook("ann");
      long bread = forks.dish(ann, null, "bread");
      long fork = forks.dish(ann, bread, "bread, forked");
      DishDeleter.destroyAll(handle, List.of(bread, fork));

      DishRestorer.restore(handle, fork);
      assertThat(forks.links()).as("its original is still in the trash").containsExactly(link(fork, null));

      DishRestorer.restore(handle, bread);
      assertThat(forks.links()).as("as any SET_NULL row, not linked again").containsExactly(link(bread, null), link(fork, null));
    }
  }

  @AllDatabases
  void aForkFollowsItsOriginalBackUnderANewKeyAndTheRowThatTookTheKeyKeepsItsOwnLink(TestDatabase db) {
    Forks.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forks forks = Forks.on(handle);
      long ann = forks.cook("ann");
      long soup = forks.dish(ann, null, "soup");
      long bread = forks.dish(ann, null, "bread");
      long fork = forks.dish(ann, bread, "bread, forked");
      DeleteResult result = DishDeleter.destroyAll(handle, List.of(bread, fork));
      handle.execute("INSERT INTO dishes (id, cook_id, forked_from_id, title) VALUES (?, ?, ?, 'stew')", bread, ann, soup);

      List<Dish> back = DishRestorer.restoreOperation(handle, result.deletionId());

      long newBread = back.stream().filter(d -> d.title().equals("bread")).findFirst().orElseThrow().id();
      assertThat(newBread).isNotIn(bread, fork, soup);
      assertThat(forks.links())
          .containsExactlyInAnyOrder(link(soup, null), link(bread, soup), link(fork, newBread), link(newBread, null));
    }
  }

  @AllDatabases
  void aPermanentDeleteOfAForkAndItsOriginalTogetherGoesThrough(TestDatabase db) {
    Forks.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forks forks = Forks.on(handle);
      long ann = forks.cook("ann");
      long bread = forks.dish(ann, null, "bread");
      long fork = forks.dish(ann, bread, "bread, forked");
      long forkOfFork = forks.dish(ann, fork, "bread, forked twice");

      DishDeleter.destroyAll(handle, List.of(bread, fork, forkOfFork), PERMANENT);
      assertThat(forks.links()).isEmpty();

      long soup = forks.dish(ann, null, "soup");
      CookDeleter.destroy(handle, ann, PERMANENT);
      assertThat(forks.links()).isEmpty();
      assertThat(soup).isPositive();
    }
  }
}
