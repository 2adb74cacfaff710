package dev.cascade.it.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.it.keys.geo.CityDeleter;
import dev.cascade.it.keys.geo.CityRestorer;
import dev.cascade.it.keys.geo.Countries;
import dev.cascade.it.keys.geo.Country;
import dev.cascade.it.keys.geo.CountryDeleter;
import dev.cascade.it.keys.geo.CountryRestorer;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.OperationNotRestorableException;
import dev.cascade.runtime.OperationNotRestorableException.Reason;
import dev.cascade.runtime.ParentStillDeletedException;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Natural String keys: countries by code, their cities by code, airlines (long keys) unlinked with
 * a null String. The long lists include codes JSON must escape ({@link Countries#AWKWARD_CODES}).
 */
class KeyTypesStringTest extends KeyTypesContract<String> {

  @Override
  KeyedShape shape() {
    return Countries.SHAPE;
  }

  @Override
  String rootTable() {
    return "countries";
  }

  @Override
  void create(TestDatabase db) {
    Countries.create(db);
  }

  /** A French city was soft-deleted on its own before. */
  @Override
  Fixture<String> fill(Handle handle) {
    String france = Countries.country(handle, "FR", "France");
    Countries.city(handle, "fr-par", france, "Paris");
    Countries.city(handle, "fr-lyo", france, "Lyon");
    Countries.city(handle, "fr-nce", france, "Nice");
    CityDeleter.destroy(handle, "fr-nce", SOFT);
    Countries.airline(handle, france, "Air France");
    Countries.airline(handle, france, "Transavia");
    String germany = Countries.country(handle, "DE", "Germany");
    Countries.city(handle, "de-ber", germany, "Berlin");
    Countries.airline(handle, germany, "Lufthansa");
    String italy = Countries.country(handle, "IT", "Italy");
    Countries.city(handle, "it-rom", italy, "Rome");
    Countries.airline(handle, italy, "ITA");
    return new Fixture<>(france, germany, italy);
  }

  @Override
  List<String> fillMany(Handle handle, int count) {
    return Countries.many(handle, count, "x-");
  }

  @Override
  DeleteResult destroy(Handle handle, String id, DeleteOptions options) {
    return CountryDeleter.destroy(handle, id, options);
  }

  @Override
  DeleteResult destroyAll(Handle handle, List<String> ids, DeleteOptions options) {
    return CountryDeleter.destroyAll(handle, ids, options);
  }

  @Override
  DeletePreview preview(Handle handle, String id) {
    return CountryDeleter.preview(handle, id);
  }

  @Override
  String restore(Handle handle, String id, RestoreOptions options) {
    return CountryRestorer.restore(handle, id, options).code();
  }

  @Override
  List<String> restoreAll(Handle handle, RestoreOptions options) {
    return CountryRestorer.restoreAll(handle, options).stream().map(Country::code).toList();
  }

  @Override
  void takeRootKey(Handle handle, String code) {
    handle.execute("INSERT INTO countries (code, name) VALUES (?, 'took the code')", code);
  }

  @Override
  Taken takeKeyBelow(Handle handle, Fixture<String> fixture) {
    handle.execute("INSERT INTO cities (code, country_code, name) VALUES ('fr-par', ?, 'took the code')", fixture.bystander());
    return new Taken("cities", "fr-par");
  }

  /**
   * The earlier delete of a code trashed again since waits for the later one's restore, and says
   * that the code must be free: a String key gets no new key.
   */
  @AllDatabases
  void anOperationWhoseCodeWasTakenAndTrashedSinceSaysTheCodeMustBeFree(TestDatabase db) {
    create(db);
    db.jdbi().useHandle(h -> Journal.ddl(Dialect.of(h)).forEach(h::execute));
    try (Handle handle = db.jdbi().open()) {
      String france = Countries.country(handle, "FR", "France");
      String first = CountryDeleter.destroy(handle, france, TRASH).deletionId();
      Countries.country(handle, "FR", "France again");
      String second = CountryDeleter.destroy(handle, france, TRASH).deletionId();

      assertThatThrownBy(() -> CountryRestorer.restoreOperation(handle, first))
          .isInstanceOfSatisfying(OperationNotRestorableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHANGED))
          .hasMessageContaining("countries FR by operation " + second)
          .hasMessageContaining("where its ids are free (a String key gets no new key")
          .hasMessageNotContaining("new keys");
    }
  }

  @AllDatabases
  void assignNewIsRefusedForAStringKey(TestDatabase db) {
    assignNewIsRefusedForAKeyTheDatabaseDoesNotGenerate(db, "DELETE FROM countries WHERE code = ?");
  }

  /**
   * A code longer than 255 characters in a long list, and a country whose code is its first 255:
   * MySQL and MariaDB read a JSON table's {@code VARCHAR(n)} column cut to {@code n} with no more
   * than a warning, so the list must name the long code whole, or the delete would miss it and hit
   * its twin. (PERMANENT and SOFT only: a trash table gives a String key {@code VARCHAR(255)} on
   * MySQL.)
   */
  @AllDatabases
  void aLongListOfCodesLongerThan255CharactersNamesExactlyThoseRows(TestDatabase db) {
    Countries.create(db);
    try (Handle handle = db.jdbi().open()) {
      String longCode = "long-" + "x".repeat(295);
      Countries.country(handle, longCode, "long");
      Countries.city(handle, "long-city", longCode, "far away");
      String twin = Countries.country(handle, longCode.substring(0, 255), "its first 255 characters");
      List<String> many = new java.util.ArrayList<>(Countries.many(handle, MANY, "x-"));
      many.add(longCode);
      Snapshot before = db.snapshot(shape().tablesWithTrash());

      CountryDeleter.destroyAll(handle, many, SOFT);
      assertThat(handle.select("SELECT code FROM countries WHERE deleted_at IS NULL").mapTo(String.class).list())
          .containsExactly(twin);
      assertThat(CountryRestorer.restoreAll(handle)).hasSize(MANY + 1);
      assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);

      DeleteResult result = CountryDeleter.destroyAll(handle, many, PERMANENT);

      assertThat(result.rowsByTable()).containsEntry("countries", MANY + 1L).containsEntry("cities", MANY + 1L);
      assertThat(handle.select("SELECT code FROM countries").mapTo(String.class).list()).containsExactly(twin);
    }
  }

  /**
   * A city deleted on its own, then its country by another delete: restoring the city is refused,
   * naming the country's delete by its String key (ParentStillDeletedTest has the long keys), and
   * following the message brings both back.
   */
  @AllDatabases
  void aCityRefusedForItsCountryNamesTheCountrysDelete(TestDatabase db) {
    create(db);
    try (Handle handle = db.jdbi().open()) {
      String france = Countries.country(handle, "FR", "France");
      Countries.city(handle, "fr-par", france, "Paris");
      Snapshot before = db.snapshot(shape().tablesWithTrash());
      for (DeleteOptions strategy : List.of(TRASH, SOFT)) {
        CityDeleter.destroy(handle, "fr-par", strategy);
        DeleteResult country = CountryDeleter.destroy(handle, france, strategy);

        assertThatThrownBy(() -> CityRestorer.restore(handle, "fr-par"))
            .isInstanceOfSatisfying(ParentStillDeletedException.class, e -> {
              assertThat(e.parentTable()).isEqualTo("countries");
              assertThat(e.parentKey()).isEqualTo(france);
              assertThat(e.parentDeletionId()).contains(country.deletionId());
            });
        CountryRestorer.restoreOperation(handle, country.deletionId());
        CityRestorer.restore(handle, "fr-par");
        assertThat(db.snapshot(shape().tablesWithTrash())).isEqualTo(before);
      }
    }
  }
}
