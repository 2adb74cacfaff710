package dev.cascade.it.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.IdConflict;
import dev.cascade.runtime.IdTakenException;
import dev.cascade.runtime.NotFoundException;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Every generated method in every strategy, on every database, for a model keyed by {@code K}:
 * a subclass names the model and how to fill it, and these tests assert on its rows against
 * {@link CascadeOracle}. Keys and foreign keys of that type are bound in every place a call binds
 * one: single ids, id lists of 2 and of more than 1,000 (one array or JSON parameter), the null
 * and new keys of a trash restore.
 */
abstract class KeyTypesContract<K> {
  static final DeleteOptions PERMANENT = DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT);
  static final DeleteOptions SOFT = DeleteOptions.defaults().withStrategy(DeleteStrategy.SOFT);
  static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  static final RestoreOptions FAIL = RestoreOptions.defaults().withOnIdConflict(IdConflict.FAIL);

  /** Above {@code IdBinding}'s 1,000: one array or JSON parameter for all ids. */
  static final int MANY = 1_001;

  /**
   * Three roots: {@code first} with a cascade below it, one row of which was soft-deleted earlier
   * on its own, and a SET_NULL child; {@code second} with a cascade; {@code bystander} with rows
   * no test deletes.
   */
  record Fixture<K>(K first, K second, K bystander) {}

  /** A row deleted with {@code first} whose key another row has taken since. */
  record Taken(String table, String key) {}

  abstract KeyedShape shape();

  abstract String rootTable();

  abstract void create(TestDatabase db);

  abstract Fixture<K> fill(Handle handle);

  /** {@code count} roots, each with a child, in batches. */
  abstract List<K> fillMany(Handle handle, int count);

  abstract DeleteResult destroy(Handle handle, K id, DeleteOptions options);

  abstract DeleteResult destroyAll(Handle handle, List<K> ids, DeleteOptions options);

  abstract DeletePreview preview(Handle handle, K id);

  /** Restores and returns the restored root's key. */
  abstract K restore(Handle handle, K id, RestoreOptions options);

  /** Restores every restorable root and returns their keys. */
  abstract List<K> restoreAll(Handle handle, RestoreOptions options);

  /** Inserts a new root under this (trashed) root's key. */
  abstract void takeRootKey(Handle handle, K id);

  /** Inserts a new row under the key of a row trashed with {@code first}, below the root. */
  abstract Taken takeKeyBelow(Handle handle, Fixture<K> fixture);

  @AllDatabases
  void permanentDestroyRemovesTheCascadeAndUnlinksSetNullChildren(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<K> fixture = fill(handle);
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      CascadeOracle oracle = CascadeOracle.deleting(shape(), before, rootTable(), List.of(fixture.first()));

      DeleteResult result = destroy(handle, fixture.first(), PERMANENT);

      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(oracle.removed(before));
      assertThat(result.deletedCount()).isEqualTo(1);
      assertThat(nonZero(result.rowsByTable())).isEqualTo(oracle.rowsByTable());
      assertThat(nonZero(result.nullifiedByTable())).isEqualTo(oracle.nullifiedByTable()).isNotEmpty();
    }
  }

  @AllDatabases
  void softDestroyMarksTheLiveCascadeAndRestoreClearsExactlyThat(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<K> fixture = fill(handle);
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      CascadeOracle oracle = CascadeOracle.softDeleting(shape(), before, rootTable(), List.of(fixture.first()));

      DeleteResult result = destroy(handle, fixture.first(), SOFT);
      Snapshot after = db.snapshot(shape().tablesWithTrash());
      Object marker = markerOf(after, fixture.first());

      assertThat(marker).isNotNull();
      assertThat(after).isEqualTo(oracle.marked(before, marker));
      assertThat(nonZero(result.rowsByTable())).isEqualTo(oracle.rowsByTable());

      K back = restore(handle, fixture.first(), RestoreOptions.defaults());

      assertThat(CascadeOracle.text(back)).isEqualTo(CascadeOracle.text(fixture.first()));
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);
    }
  }

  @AllDatabases
  void trashDestroyMovesTheCascadeAndRestoreBringsItBack(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<K> fixture = fill(handle);
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      Snapshot beforeLive = db.snapshot(shape().tables());
      CascadeOracle oracle = CascadeOracle.deleting(shape(), before, rootTable(), List.of(fixture.first()));

      DeleteResult result = destroy(handle, fixture.first(), TRASH);

      assertThat(db.snapshot(shape().tables())).isEqualTo(oracle.removed(beforeLive));
      oracle.assertTrashHolds(db.snapshot(shape().trashTables()), result.deletionId());
      assertThat(nonZero(result.rowsByTable())).isEqualTo(oracle.rowsByTable());

      K back = restore(handle, fixture.first(), RestoreOptions.defaults());

      assertThat(CascadeOracle.text(back)).isEqualTo(CascadeOracle.text(fixture.first()));
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(oracle.unlinked(before));
    }
  }

  @AllDatabases
  void requireExistingFindsEveryKeyThatExistsAndNamesTheOneThatDoesNot(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<K> fixture = fill(handle);
      destroy(handle, fixture.second(), PERMANENT);
      Snapshot before = db.snapshot(shape().tablesWithTrash());

      for (DeleteOptions options : List.of(PERMANENT, SOFT, TRASH)) {
        assertThatThrownBy(() -> destroyAll(handle, List.of(fixture.first(), fixture.second()), options.withRequireExisting(true)))
            .as("%s", options.strategy())
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.ids()).containsExactly(fixture.second()));
        assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);
      }
      assertThat(destroy(handle, fixture.first(), SOFT.withRequireExisting(true)).deletedCount()).isEqualTo(1);
    }
  }

  @AllDatabases
  void destroyAllOfTwoInEachStrategyAndRestoreAll(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<K> fixture = fill(handle);
      List<K> two = List.of(fixture.first(), fixture.second());
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      Snapshot beforeLive = db.snapshot(shape().tables());

      CascadeOracle soft = CascadeOracle.softDeleting(shape(), before, rootTable(), two);
      DeleteResult softResult = destroyAll(handle, two, SOFT);
      Snapshot softened = db.snapshot(shape().tablesWithTrash());
      assertThat(softResult.deletedCount()).isEqualTo(2);
      assertThat(softened).isEqualTo(soft.marked(before, markerOf(softened, fixture.first())));
      assertThat(texts(restoreAll(handle, RestoreOptions.defaults()))).containsExactlyInAnyOrderElementsOf(texts(two));
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      CascadeOracle removing = CascadeOracle.deleting(shape(), before, rootTable(), two);
      DeleteResult trashResult = destroyAll(handle, two, TRASH);
      assertThat(db.snapshot(shape().tables())).isEqualTo(removing.removed(beforeLive));
      removing.assertTrashHolds(db.snapshot(shape().trashTables()), trashResult.deletionId());
      assertThat(texts(restoreAll(handle, RestoreOptions.defaults()))).containsExactlyInAnyOrderElementsOf(texts(two));
      Snapshot restored = db.snapshot(shape().tablesWithTrash());
      assertThat(restored).isEqualTo(removing.unlinked(before));

      DeleteResult permanent = destroyAll(handle, two, PERMANENT);
      assertThat(permanent.deletedCount()).isEqualTo(2);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(removing.removed(restored));
    }
  }

  @AllDatabases
  void destroyAllOfMoreThanAThousandInEachStrategyAndRestoreAll(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      fill(handle);
      List<K> many = fillMany(handle, MANY);
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      Snapshot beforeLive = db.snapshot(shape().tables());

      CascadeOracle soft = CascadeOracle.softDeleting(shape(), before, rootTable(), many);
      DeleteResult softResult = destroyAll(handle, many, SOFT);
      Snapshot softened = db.snapshot(shape().tablesWithTrash());
      assertThat(softResult.deletedCount()).isEqualTo(MANY);
      assertThat(softened).isEqualTo(soft.marked(before, markerOf(softened, many.get(0))));
      assertThat(restoreAll(handle, RestoreOptions.defaults())).hasSize(MANY);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      CascadeOracle removing = CascadeOracle.deleting(shape(), before, rootTable(), many);
      DeleteResult trashResult = destroyAll(handle, many, TRASH);
      assertThat(db.snapshot(shape().tables())).isEqualTo(removing.removed(beforeLive));
      removing.assertTrashHolds(db.snapshot(shape().trashTables()), trashResult.deletionId());
      assertThat(texts(restoreAll(handle, RestoreOptions.defaults()))).containsExactlyInAnyOrderElementsOf(texts(many));
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      DeleteResult permanent = destroyAll(handle, many, PERMANENT);
      assertThat(permanent.deletedCount()).isEqualTo(MANY);
      assertThat(nonZero(permanent.rowsByTable())).isEqualTo(removing.rowsByTable());
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(removing.removed(before));
    }
  }

  @AllDatabases
  void previewCountsTheCascadeInEachStrategyAndChangesNothing(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<K> fixture = fill(handle);
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      CascadeOracle oracle = CascadeOracle.deleting(shape(), before, rootTable(), List.of(fixture.first()));

      DeletePreview preview = preview(handle, fixture.first());

      assertThat(nonZero(preview.rowsByTable())).isEqualTo(oracle.rowsByTable());
      assertThat(nonZero(preview.nullifiedByTable())).isEqualTo(oracle.nullifiedByTable());
      assertThat(preview.restrictedBy()).isEmpty();
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);
    }
  }

  @AllDatabases
  void aTakenRootKeyFailsARestoreWithIdConflictFailAndChangesNothing(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<K> fixture = fill(handle);
      destroy(handle, fixture.first(), TRASH);
      takeRootKey(handle, fixture.first());
      Snapshot before = db.snapshot(shape().tablesWithTrash());

      assertThatThrownBy(() -> restore(handle, fixture.first(), FAIL))
          .isInstanceOfSatisfying(IdTakenException.class, e -> {
            assertThat(e.table()).isEqualTo(rootTable());
            assertThat(CascadeOracle.text(e.id())).isEqualTo(CascadeOracle.text(fixture.first()));
          })
          .hasMessageContaining("cannot restore " + rootTable() + " " + fixture.first());
      assertThatThrownBy(() -> restoreAll(handle, FAIL)).isInstanceOf(IdTakenException.class);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);
    }
  }

  @AllDatabases
  void aTakenKeyBelowTheRootFailsTheRestoreAndChangesNothing(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<K> fixture = fill(handle);
      destroy(handle, fixture.first(), TRASH);
      Taken taken = takeKeyBelow(handle, fixture);
      Snapshot before = db.snapshot(shape().tablesWithTrash());

      for (RestoreOptions options : List.of(RestoreOptions.defaults(), FAIL)) {
        assertThatThrownBy(() -> restore(handle, fixture.first(), options))
            .isInstanceOfSatisfying(IdTakenException.class, e -> {
              assertThat(e.table()).isEqualTo(taken.table());
              assertThat(CascadeOracle.text(e.id())).isEqualTo(taken.key());
            })
            .hasMessageContaining(taken.table() + " " + taken.key());
      }
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);
    }
  }

  /**
   * The restore finds a taken key below the root by its insert failing on the key, then undoes its
   * copies to a savepoint: inside the caller's transaction, that transaction stays usable (on
   * PostgreSQL a failed statement would otherwise abort it) and loses nothing of its own.
   */
  @AllDatabases
  void aTakenKeyBelowTheRootInTheCallersTransactionLeavesItUsable(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<K> fixture = fill(handle);
      destroy(handle, fixture.first(), TRASH);
      Taken taken = takeKeyBelow(handle, fixture);
      Snapshot before = db.snapshot(shape().tablesWithTrash());

      handle.useTransaction(h -> {
        assertThatThrownBy(() -> restore(h, fixture.first(), RestoreOptions.defaults()))
            .isInstanceOfSatisfying(IdTakenException.class, e -> assertThat(e.table()).isEqualTo(taken.table()));
        assertThat(h.select("SELECT 1").mapTo(Integer.class).one()).as("the caller's transaction still runs statements").isEqualTo(1);
      });

      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);
    }
  }

  /**
   * For keys the database does not generate: a root whose key was taken cannot come back under a
   * new one, so ASSIGN_NEW (the default) fails with an {@link IdTakenException} and changes
   * nothing; once the key is free again, the restore brings back exactly what the delete removed.
   */
  void assignNewIsRefusedForAKeyTheDatabaseDoesNotGenerate(TestDatabase db, String freeTheKey) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<K> fixture = fill(handle);
      Snapshot original = db.snapshot(shape().tablesWithTrash());
      CascadeOracle oracle = CascadeOracle.deleting(shape(), original, rootTable(), List.of(fixture.first()));
      destroy(handle, fixture.first(), TRASH);
      takeRootKey(handle, fixture.first());
      Snapshot before = db.snapshot(shape().tablesWithTrash());

      assertThatThrownBy(() -> restore(handle, fixture.first(), RestoreOptions.defaults()))
          .isInstanceOfSatisfying(IdTakenException.class, e -> {
            assertThat(e.table()).isEqualTo(rootTable());
            assertThat(CascadeOracle.text(e.id())).isEqualTo(CascadeOracle.text(fixture.first()));
          })
          .hasMessageContaining("cannot restore " + rootTable() + " " + fixture.first())
          .hasMessageContaining("not a key the database generates")
          .hasMessageContaining("IdConflict.ASSIGN_NEW");
      assertThatThrownBy(() -> restoreAll(handle, RestoreOptions.defaults())).isInstanceOf(IdTakenException.class);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      handle.execute(freeTheKey, fixture.first());
      K back = restore(handle, fixture.first(), FAIL);

      assertThat(CascadeOracle.text(back)).isEqualTo(CascadeOracle.text(fixture.first()));
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(oracle.unlinked(original));
    }
  }

  /** The {@code deleted_at} a soft delete wrote on this root. */
  Object markerOf(Snapshot snapshot, K root) {
    String key = CascadeOracle.text(root);
    return snapshot.rows(rootTable()).stream()
        .filter(r -> key.equals(CascadeOracle.text(r.get(shape().key(rootTable())))))
        .findFirst().orElseThrow().get("deleted_at");
  }

  static List<String> texts(List<?> keys) {
    List<String> texts = new ArrayList<>();
    keys.forEach(k -> texts.add(CascadeOracle.text(k)));
    return texts;
  }

  static Map<String, Long> nonZero(Map<String, Long> counts) {
    Map<String, Long> copy = new HashMap<>(counts);
    copy.values().removeIf(n -> n == 0);
    return copy;
  }
}
