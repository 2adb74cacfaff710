package dev.cascade.it.keys.geo;

import dev.cascade.annotations.OnDelete;
import dev.cascade.it.keys.KeyedShape;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Countries and cities keyed by natural String codes, and airlines that outlive their country. */
public final class Countries {
  public static final KeyedShape SHAPE =
      new KeyedShape(
          Map.of("countries", "code", "cities", "code", "airlines", "id"),
          List.of("countries", "cities", "airlines"),
          List.of("countries", "cities"),
          List.of(
              new KeyedShape.Relation("cities", "country_code", "countries", OnDelete.CASCADE),
              new KeyedShape.Relation("airlines", "country_code", "countries", OnDelete.SET_NULL)));

  /**
   * Codes that JSON must escape or that are not ASCII, to be sure a long list of String keys
   * (sent as one JSON parameter on SQLite and MariaDB) names exactly these rows.
   */
  public static final List<String> AWKWARD_CODES =
      List.of("quo\"te", "back\\slash", "it's", "tab\there", "line\nbreak", "ünïcödé", "日本", "emoji-\uD83D\uDE00", "[1,2]");

  private Countries() {}

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE countries (code VARCHAR(400) PRIMARY KEY, name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE cities (code VARCHAR(420) PRIMARY KEY, country_code VARCHAR(400) NOT NULL,"
                + " name VARCHAR(100) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (country_code) REFERENCES countries (code))",
            "CREATE INDEX cities_country_code ON cities (country_code)",
            "CREATE TABLE airlines (id ${id}, country_code VARCHAR(400), name VARCHAR(100) NOT NULL,"
                + " FOREIGN KEY (country_code) REFERENCES countries (code))",
            "CREATE INDEX airlines_country_code ON airlines (country_code)"));
    database.jdbi().useHandle(h -> TrashTables.ddl(Dialect.of(h), CountryDeleter.schema()).forEach(h::execute));
  }

  public static String country(Handle handle, String code, String name) {
    handle.execute("INSERT INTO countries (code, name) VALUES (?, ?)", code, name);
    return code;
  }

  public static String city(Handle handle, String code, String country, String name) {
    handle.execute("INSERT INTO cities (code, country_code, name) VALUES (?, ?, ?)", code, country, name);
    return code;
  }

  public static long airline(Handle handle, String country, String name) {
    return handle.createUpdate("INSERT INTO airlines (country_code, name) VALUES (?, ?)").bind(0, country).bind(1, name)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  /**
   * {@code count} countries, each with one city, in batches: the {@link #AWKWARD_CODES} first,
   * then {@code prefix} and a number. Returns their codes.
   */
  public static List<String> many(Handle handle, int count, String prefix) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      codes.add(i < AWKWARD_CODES.size() ? prefix + AWKWARD_CODES.get(i) : prefix + i);
    }
    handle.useTransaction(h -> {
      PreparedBatch countries = h.prepareBatch("INSERT INTO countries (code, name) VALUES (?, ?)");
      PreparedBatch cities = h.prepareBatch("INSERT INTO cities (code, country_code, name) VALUES (?, ?, ?)");
      for (String code : codes) {
        countries.add(code, "country " + code);
        cities.add(code + "-capital", code, "capital of " + code);
      }
      countries.execute();
      cities.execute();
    });
    return codes;
  }
}
