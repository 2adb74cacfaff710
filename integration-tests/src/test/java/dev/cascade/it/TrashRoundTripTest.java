package dev.cascade.it;

import static dev.cascade.it.types.Samples.READING_COLUMNS;
import static dev.cascade.it.types.Samples.SAMPLE_COLUMNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.types.Sample;
import dev.cascade.it.types.SampleDeleter;
import dev.cascade.it.types.SampleRestorer;
import dev.cascade.it.types.Samples;
import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.SchemaCheck;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Rows of the common column types go through the trash and come back with the very same values,
 * because {@link TrashTables#ddl(Handle, dev.cascade.runtime.CascadeSchema...)} gives each trash
 * column the type of the column it copies; and {@link SchemaCheck} flags a trash table whose types
 * differ. Values are compared as each driver reads them ({@code getString}, binary as hex), types as
 * JDBC's result set metadata reports them: both independent of how Cascade reads the catalog.
 */
class TrashRoundTripTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  @AllDatabases
  void trashColumnsHaveTheTypesOfTheColumnsTheyCopy(TestDatabase db) {
    Samples.create(db);
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(handle, SampleDeleter.schema()).forEach(handle::execute);

      assertThat(types(handle, db.kind(), "samples_trash", SAMPLE_COLUMNS))
          .isEqualTo(types(handle, db.kind(), "samples", SAMPLE_COLUMNS));
      assertThat(types(handle, db.kind(), "readings_trash", READING_COLUMNS))
          .isEqualTo(types(handle, db.kind(), "readings", READING_COLUMNS));
      assertThat(types(handle, db.kind(), "samples_trash", List.of("trashed_at")).values())
          .as("the trash time has the type of the soft-delete column")
          .containsExactlyElementsOf(types(handle, db.kind(), "samples", List.of("deleted_at")).values());
      assertThat(types(handle, db.kind(), "readings_trash", List.of("deleted_at")).get("deleted_at"))
          .as("without a soft-delete column, the trash time is the finest timestamp")
          .startsWith(
              switch (db.kind()) {
                case POSTGRESQL -> "timestamptz(35,6)";
                case H2 -> "TIMESTAMP WITH TIME ZONE(32,6)";
                case MARIADB -> "DATETIME";
                case SQLITE -> "TIMESTAMP";
              });
    }
  }

  @AllDatabases
  void trashDdlSpellsTheSourceTypesOut(TestDatabase db) {
    Samples.create(db);
    try (Handle handle = db.jdbi().open()) {
      String create = TrashTables.ddl(handle, SampleDeleter.schema()).get(0);

      assertThat(create)
          .isEqualTo(
              switch (db.kind()) {
                case POSTGRESQL ->
                    "CREATE TABLE readings_trash (id bigint, sample_id bigint, value numeric(12,4),"
                        + " read_at timestamp(6) with time zone, deleted_at timestamp(6) with time zone NOT NULL,"
                        + " original_table VARCHAR(100) NOT NULL, deletion_id VARCHAR(36) NOT NULL)";
                case H2 ->
                    "CREATE TABLE readings_trash (id BIGINT, sample_id BIGINT, \"value\" NUMERIC(12, 4),"
                        + " read_at TIMESTAMP(6) WITH TIME ZONE, deleted_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
                        + " original_table VARCHAR(100) NOT NULL, deletion_id VARCHAR(36) NOT NULL)";
                case MARIADB ->
                    "CREATE TABLE readings_trash (id bigint(20), sample_id bigint(20), value decimal(12,4),"
                        + " read_at timestamp(6) NULL, deleted_at DATETIME(6) NOT NULL,"
                        + " original_table VARCHAR(100) NOT NULL, deletion_id VARCHAR(36) NOT NULL)";
                case SQLITE ->
                    "CREATE TABLE readings_trash (id INTEGER, sample_id BIGINT, value NUMERIC(12, 4),"
                        + " read_at TIMESTAMP WITH TIME ZONE, deleted_at TIMESTAMP NOT NULL,"
                        + " original_table VARCHAR(100) NOT NULL, deletion_id VARCHAR(36) NOT NULL)";
              });
    }
  }

  @AllDatabases
  void trashTablesCopyNoKeyUniqueCheckForeignKeyOrNotNull(TestDatabase db) {
    Samples.create(db);
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(handle, SampleDeleter.schema()).forEach(handle::execute);
      String insertSample =
          "INSERT INTO samples_trash (id, label, amount, trashed_at, original_table, deletion_id)"
              + " VALUES (1, NULL, -99999999.9999, :at, 'samples', 'a')";
      String insertReading =
          db.kind().ddl("INSERT INTO readings_trash (id, sample_id, ${q:value}, deleted_at, original_table, deletion_id)"
              + " VALUES (1, 42, NULL, :at, 'readings', 'a')");

      assertThatCode(
              () -> {
                for (int i = 0; i < 2; i++) {
                  handle.createUpdate(insertSample).bind("at", Instant.now()).execute();
                  handle.createUpdate(insertReading).bind("at", Instant.now()).execute();
                }
              })
          .doesNotThrowAnyException();
      assertThat(handle.select("SELECT COUNT(*) FROM samples_trash WHERE verified IS NULL").mapTo(Long.class).one())
          .as("no default copied")
          .isEqualTo(2);
    }
  }

  /**
   * A column mapper that fails on a stored value: the error names the column and the type it was
   * read as (a newcomer's trial got SQLite's bare "not implemented by SQLite JDBC driver" for a
   * {@code String[]}, from JDBI's array mapper). SQLite cannot read an {@code OffsetDateTime} back
   * at all; the other databases get a mapper of the application's that refuses the value. The
   * restore changes nothing, and restores once a mapper reads the column.
   */
  @AllDatabases
  void aColumnMapperThatFailsOnAStoredValueNamesTheColumn(TestDatabase db) {
    Samples.create(db);
    long id;
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(handle, SampleDeleter.schema()).forEach(handle::execute);
      DatabaseKind kind = db.kind();
      id = Samples.sample(handle, kind, Samples.small());
      SampleDeleter.destroy(handle, id, TRASH);
      List<Map<String, String>> trashed = rows(handle, kind, "samples_trash", SAMPLE_COLUMNS);
      String cause;
      if (kind == DatabaseKind.SQLITE) {
        cause = "not implemented by SQLite JDBC driver";
      } else {
        cause = "not a time of ours";
        handle.registerColumnMapper(OffsetDateTime.class, (rs, column, ctx) -> {
          throw new SQLException(cause);
        });
      }

      assertThatThrownBy(() -> SampleRestorer.restore(handle, id))
          .isInstanceOf(CascadeException.class)
          .hasMessageContaining(
              "reading samples.taken_at as java.time.OffsetDateTime failed: " + cause
                  + "; where JDBI's own mapper for that type does not work with this driver, register one with"
                  + " jdbi.registerColumnMapper(...)");
      assertThat(rows(handle, kind, "samples", SAMPLE_COLUMNS)).isEmpty();
      assertThat(rows(handle, kind, "samples_trash", SAMPLE_COLUMNS)).isEqualTo(trashed);

    }
    try (Handle handle = db.jdbi().open()) {
      Samples.readTimesOnSqlite(handle, db.kind());
      assertThat(SampleRestorer.restore(handle, id).id()).isEqualTo(id);
    }
  }

  @AllDatabases
  void rowsComeBackFromTheTrashWithTheVerySameValues(TestDatabase db) {
    Samples.create(db);
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(handle, SampleDeleter.schema()).forEach(handle::execute);
      DatabaseKind kind = db.kind();
      Samples.readTimesOnSqlite(handle, kind);
      long awkward = Samples.sample(handle, kind, Samples.awkward());
      long small = Samples.sample(handle, kind, Samples.small());
      long nulls = Samples.sample(handle, kind, Samples.nulls());
      Samples.reading(handle, kind, awkward, new BigDecimal("-0.0001"), OffsetDateTime.parse("2024-03-01T00:00:00.123456-03:00"));
      Samples.reading(handle, kind, awkward, new BigDecimal("99999999.9999"), null);
      Samples.reading(handle, kind, small, new BigDecimal("1.5000"), OffsetDateTime.parse("2024-03-01T12:00:00Z"));
      List<Map<String, String>> samples = rows(handle, kind, "samples", SAMPLE_COLUMNS);
      List<Map<String, String>> readings = rows(handle, kind, "readings", READING_COLUMNS);
      List<Sample> records =
          handle.createQuery("SELECT * FROM samples ORDER BY id").map(ConstructorMapper.of(Sample.class)).list();

      DeleteResult result = SampleDeleter.destroyAll(handle, List.of(awkward, small, nulls), TRASH);

      assertThat(result.rowsByTable()).containsExactly(Map.entry("readings", 3L), Map.entry("samples", 3L));
      assertThat(rows(handle, kind, "samples", SAMPLE_COLUMNS)).isEmpty();
      assertThat(rows(handle, kind, "samples_trash", SAMPLE_COLUMNS)).isEqualTo(samples);
      assertThat(rows(handle, kind, "readings_trash", READING_COLUMNS)).isEqualTo(readings);

      List<Sample> back = new ArrayList<>(SampleRestorer.restoreAll(handle));
      back.sort(Comparator.comparingLong(Sample::id));

      assertThat(rows(handle, kind, "samples", SAMPLE_COLUMNS)).isEqualTo(samples);
      assertThat(rows(handle, kind, "readings", READING_COLUMNS)).isEqualTo(readings);
      assertThat(back).usingRecursiveComparison().isEqualTo(records);
      assertThat(rows(handle, kind, "samples_trash", SAMPLE_COLUMNS)).isEmpty();
      // received_at is TIMESTAMP(6) / DATETIME(6); SQLite's driver writes an Instant to the millisecond.
      ChronoUnit precision = kind == DatabaseKind.SQLITE ? ChronoUnit.MILLIS : ChronoUnit.MICROS;
      assertStoredAsGiven(records.get(0), Samples.awkward(), precision);
    }
  }

  @AllDatabases
  void schemaCheckFlagsATrashTableWrittenFromJavaTypes(TestDatabase db) {
    Samples.create(db);
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(Dialect.of(handle), SampleDeleter.schema()).forEach(handle::execute);

      List<String> problems = SchemaCheck.problems(handle, true, SampleDeleter.schema());

      assertThat(problems)
          .anySatisfy(
              problem ->
                  assertThat(problem)
                      .startsWith(
                          switch (db.kind()) {
                            case POSTGRESQL ->
                                "trash column samples_trash.deleted_at is timestamp(6) without time zone"
                                    + " but samples.deleted_at is timestamp(3) with time zone, so rows would not"
                                    + " come back from the trash as they were; change it: ALTER TABLE samples_trash"
                                    + " ALTER COLUMN deleted_at TYPE timestamp(3) with time zone"
                                    + " USING deleted_at::timestamp(3) with time zone, or drop"
                                    + " samples_trash and recreate it with TrashTables.ddl(handle, ...)";
                            case H2 ->
                                "trash column samples_trash.deleted_at is TIMESTAMP(6) but samples.deleted_at is"
                                    + " TIMESTAMP(3) WITH TIME ZONE";
                            case MARIADB ->
                                "trash column samples_trash.deleted_at is datetime(6) but samples.deleted_at is"
                                    + " timestamp(3)";
                            case SQLITE ->
                                "trash column samples_trash.batch is declared VARCHAR(36) (affinity TEXT) but"
                                    + " samples.batch is declared UUID (affinity NUMERIC)";
                          }));
      assertThat(problems).allSatisfy(problem -> assertThat(problem).startsWith("trash column "));
      if (db.kind() != DatabaseKind.SQLITE) {
        assertThat(problems)
            .as("the trash time column is compared with the soft-delete column, whose type ddl(handle) gives it")
            .anySatisfy(problem -> assertThat(problem)
                .startsWith("trash column samples_trash.trashed_at is ")
                .contains(" but samples.deleted_at is ")
                .contains("so a row soft-deleted, then trashed, would not have two times alike; change it: "));
      }
      if (db.kind() == DatabaseKind.POSTGRESQL) {
        // The trash takes the jsonb as text, but PostgreSQL converts no text back into jsonb.
        long sample = handle.createUpdate("INSERT INTO samples (label, metadata) VALUES ('typed', '{\"a\": 1}'::jsonb)")
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        SampleDeleter.destroy(handle, sample, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
        Snapshot trashed = db.snapshot(List.of("samples", "samples_trash", "readings", "readings_trash"));

        assertThatThrownBy(() -> SampleRestorer.restore(handle, sample))
            .isInstanceOf(CascadeException.class)
            .hasMessageContaining("is of type jsonb but expression is of type text")
            .hasMessageContaining("A trash table has a column of another type than its table's")
            .hasMessageContaining("SchemaCheck names each such column, with the ALTER TABLE that changes it;"
                + " nothing was changed");
        assertThat(db.snapshot(List.of("samples", "samples_trash", "readings", "readings_trash"))).isEqualTo(trashed);
      }
    }
  }

  @AllDatabases
  void theFixesTheCheckSuggestsMakeTheTrashTablesFit(TestDatabase db) {
    Samples.create(db);
    try (Handle handle = db.jdbi().open()) {
      TrashTables.ddl(Dialect.of(handle), SampleDeleter.schema()).forEach(handle::execute);
      List<String> problems = SchemaCheck.problems(handle, true, SampleDeleter.schema());
      assertThat(problems).isNotEmpty();

      if (db.kind() == DatabaseKind.SQLITE) {
        assertThat(problems).allSatisfy(p -> assertThat(p).contains("SQLite cannot change a column's type"));
        handle.execute("DROP TABLE samples_trash");
        handle.execute("DROP TABLE readings_trash");
        TrashTables.ddl(handle, SampleDeleter.schema()).forEach(handle::execute);
      } else {
        for (String problem : problems) {
          String fix = problem.substring(problem.indexOf("change it: ") + "change it: ".length(), problem.indexOf(", or drop"));
          handle.execute(fix);
        }
      }

      assertThat(SchemaCheck.problems(handle, true, SampleDeleter.schema())).isEmpty();
    }
  }

  /**
   * The awkward values went in as given, so the round trip had them all; an {@code Instant} to the
   * finest time the database keeps (SQLite's driver writes it as milliseconds, a {@code
   * LocalDateTime} as text).
   */
  private static void assertStoredAsGiven(Sample stored, Sample given, ChronoUnit precision) {
    assertThat(stored.label()).isEqualTo(given.label());
    assertThat(stored.takenAt().toInstant()).isEqualTo(given.takenAt().toInstant());
    assertThat(stored.labelledAt()).isEqualTo(given.labelledAt());
    assertThat(stored.receivedAt()).isEqualTo(given.receivedAt().truncatedTo(precision));
    assertThat(stored.amount()).isEqualByComparingTo(given.amount());
    assertThat(stored.notes()).isEqualTo(given.notes());
    assertThat(stored.payload()).isEqualTo(given.payload());
    assertThat(stored.verified()).isEqualTo(given.verified());
    assertThat(stored.batch()).isEqualTo(given.batch());
    assertThat(stored.metadata()).contains("\"ü\"");
  }

  /** Each column's type as JDBC's result set metadata reports it: name(precision,scale) and Java class. */
  private static Map<String, String> types(Handle handle, DatabaseKind kind, String table, List<String> columns) {
    try (Statement statement = handle.getConnection().createStatement();
        ResultSet rs = statement.executeQuery("SELECT " + select(kind, columns) + " FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData metadata = rs.getMetaData();
      Map<String, String> types = new LinkedHashMap<>();
      for (int i = 1; i <= columns.size(); i++) {
        // PostgreSQL's driver calls an identity column bigserial: a default, which a trash copy has not.
        String name = metadata.getColumnTypeName(i).replace("bigserial", "int8");
        types.put(
            columns.get(i - 1),
            name + "(" + metadata.getPrecision(i) + "," + metadata.getScale(i) + ") "
                + metadata.getColumnClassName(i));
      }
      return types;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row, by id, each value as the driver writes it as text; binary as hex. */
  private static List<Map<String, String>> rows(Handle handle, DatabaseKind kind, String table, List<String> columns) {
    try (Statement statement = handle.getConnection().createStatement();
        ResultSet rs = statement.executeQuery("SELECT " + select(kind, columns) + " FROM " + table + " ORDER BY id")) {
      List<Map<String, String>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns.size(); i++) {
          if (columns.get(i - 1).equals("payload")) {
            byte[] bytes = rs.getBytes(i);
            row.put("payload", bytes == null ? null : HexFormat.of().formatHex(bytes));
          } else {
            row.put(columns.get(i - 1), rs.getString(i));
          }
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String select(DatabaseKind kind, List<String> columns) {
    return columns.stream().map(c -> c.equals("value") ? kind.ddl("${q:value}") : c).collect(Collectors.joining(", "));
  }
}
